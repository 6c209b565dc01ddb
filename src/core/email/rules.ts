import type { Db, OutboxRow, PatronRow } from '../../db/database.js';
import { addressesOf } from './compose.js';
import { normaliseAddress } from './address.js';
import { suppressionsOf } from './suppressions.js';

/**
 * The rules checked for every message just before it goes to the relay, not only when it was
 * queued (TRUST CA-2, CA-3): a patron may have unsubscribed, bounced, asked not to be e-mailed
 * or changed address since.
 */

type RulePatron = Pick<
  PatronRow,
  'id' | 'emails' | 'do_not_email_at' | 'deceased_at' | 'email_consent' | 'status'
>;

/** The library's consent policy: whether active cardholders count as implied consent. */
export interface ConsentPolicy {
  impliedConsentForActive: boolean;
}

export function blockReason(
  message: Pick<OutboxRow, 'to_address' | 'class' | 'kind'>,
  patron: RulePatron | undefined,
  suppressed: string | undefined,
  policy: ConsentPolicy,
): string | null {
  if (suppressed !== undefined) return `address ${suppressed.replace('_', ' ')}`;
  // Staff test messages and notifications go to staff, not patrons.
  if (message.kind === 'test' || message.kind === 'notification') return null;
  if (patron === undefined) return 'patron no longer on file';
  if (patron.deceased_at !== null) return 'patron deceased';
  if (patron.do_not_email_at !== null) return 'patron asked not to be e-mailed';
  const address = normaliseAddress(message.to_address);
  if (!addressesOf(patron).some((a) => normaliseAddress(a) === address))
    return 'address no longer on file';
  const implied = policy.impliedConsentForActive && patron.status === 'active';
  if (message.class === 'promotional' && patron.email_consent === null && !implied)
    return 'no consent for promotional e-mail';
  return null;
}

/** blockReason for each message of a batch, with two queries for the whole batch. */
export async function blockReasons(
  db: Db,
  messages: Array<Pick<OutboxRow, 'id' | 'patron_id' | 'to_address' | 'class' | 'kind'>>,
  policy: ConsentPolicy,
): Promise<Map<number, string | null>> {
  const patronIds = [
    ...new Set(messages.flatMap((m) => (m.patron_id === null ? [] : [m.patron_id]))),
  ];
  const patrons = new Map<number, RulePatron>();
  if (patronIds.length > 0) {
    const rows = await db
      .selectFrom('patrons')
      .select(['id', 'emails', 'do_not_email_at', 'deceased_at', 'email_consent', 'status'])
      .where('id', 'in', patronIds)
      .execute();
    for (const row of rows) patrons.set(row.id, row);
  }
  const suppressed = await suppressionsOf(
    db,
    messages.map((m) => m.to_address),
  );
  return new Map(
    messages.map((m) => [
      m.id,
      blockReason(
        m,
        m.patron_id === null ? undefined : patrons.get(m.patron_id),
        suppressed.get(normaliseAddress(m.to_address)),
        policy,
      ),
    ]),
  );
}
