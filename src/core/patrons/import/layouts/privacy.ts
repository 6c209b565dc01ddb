/**
 * TRUST PR-2: circulation and reading history never enter Outreach Desk. Columns that look like it
 * are refused by name, whatever the layout, and can never be mapped — not even by a coordinator's
 * own mapping. Money owed is refused too: a care call does not need it, and fines reveal
 * circulation (overdues, lost items).
 */
import { headerKey, headerWords } from './headers.js';

interface Rule {
  pattern: RegExp;
  reason: string;
}

const CIRCULATION = 'circulation or reading history is never imported (privacy rule PR-2)';
const MONEY =
  'fines and fees reveal circulation and are not needed for a campaign (privacy rule PR-2)';
const NOTICE =
  'the notice type or item reveals what the patron borrowed or requested (privacy rule PR-2)';

/** Matched against the header's words (see headerWords), so "household" never matches "hold". */
const RULES: readonly Rule[] = [
  {
    pattern:
      /\b(?:check ?outs?|checked out|chkouts?|chkout|ckos?|ckis?|circ|circs|circulations?|circactive|loans?|loaned|issues?|old issues|items? out|itemsout|borrowed|borrowings?|renewals?|renwal|returns?|returned|reading|history|holds?|hold shelf|reserves?|reservations?|requests?|reques|overdues?|odues|hlodues|due|datedue|cur item[a-d]?|item[a-d]|cur ill|ill reques)\b/,
    reason: CIRCULATION,
  },
  {
    pattern:
      /\b(?:item barcode|item title|browse title|titles?|call number|isbn|author|format|material)\b/,
    reason: NOTICE,
  },
  {
    pattern: /\b(?:notice type|notification type|notification level|notice level)\b/,
    reason: NOTICE,
  },
  {
    pattern:
      /\b(?:fines?|fees?|money owed|owed|balance|bills?|billing|charges?|accountlines|amount)\b/,
    reason: MONEY,
  },
];

/**
 * Columns whose names contain those words but hold a setting, not history (Koha privacy
 * preferences, Polaris MaintainReadingList flag): recognised and ignored, not refused.
 */
const SETTINGS = new Set([
  'privacy',
  'privacyguarantorcheckouts',
  'privacyguarantorfines',
  'checkprevcheckout',
  'autorenewcheckouts',
  'maintainreadinglist',
  'title',
  'patrontitle',
  'patronnametitle',
  'personaltitle',
]);

/** Why a column must be refused, or undefined when it may be read. */
export function refusalReason(header: string): string | undefined {
  if (SETTINGS.has(headerKey(header))) return undefined;
  const words = headerWords(header);
  for (const rule of RULES) {
    if (rule.pattern.test(words)) return rule.reason;
  }
  return undefined;
}
