import { MERGE_FIELDS } from '../../shared/schemas/scripts.js';
import type { MergeField } from '../../shared/schemas/scripts.js';

/**
 * Merge fields in script text: `{{patron.firstName}}`, spaces allowed inside the braces. Scanned
 * by hand rather than with one regular expression so that an unclosed `{{` can be reported and
 * rendering stays linear on hostile input.
 */

export type MergeToken =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string; raw: string }
  | { kind: 'unclosed'; raw: string };

const KNOWN: ReadonlySet<string> = new Set(MERGE_FIELDS);

/** Whether `name` is one of MERGE_FIELDS. */
export function isMergeField(name: string): name is MergeField {
  return KNOWN.has(name);
}

/**
 * Splits text into literal text, merge fields (known or not) and unclosed `{{`. Joining every
 * token's text or raw gives the input back. Never throws.
 */
export function tokenize(text: string): MergeToken[] {
  const tokens: MergeToken[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    let open = text.indexOf('{{', i);
    if (open === -1) break;
    // In "{{{x}}" the field opens at the last "{{" of the run; the extra braces are literal.
    while (text[open + 2] === '{') open++;
    literal += text.slice(i, open);
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      if (literal !== '') tokens.push({ kind: 'text', text: literal });
      literal = '';
      tokens.push({ kind: 'unclosed', raw: '{{' });
      i = open + 2;
      continue;
    }
    if (literal !== '') tokens.push({ kind: 'text', text: literal });
    literal = '';
    const raw = text.slice(open, close + 2);
    tokens.push({ kind: 'field', name: raw.slice(2, -2).trim(), raw });
    i = close + 2;
  }
  literal += text.slice(i);
  if (literal !== '') tokens.push({ kind: 'text', text: literal });
  return tokens;
}

/** The merge field names written in `text` (known or not), each once, in order of appearance. */
export function mergeFieldsIn(text: string): string[] {
  const names = tokenize(text).flatMap((t) => (t.kind === 'field' ? [t.name] : []));
  return [...new Set(names)];
}

/** What is wrong with the merge fields of `text`: unknown names, and whether a `{{` is unclosed. */
export function mergeFieldProblemsIn(text: string): { unknown: string[]; unclosed: boolean } {
  const tokens = tokenize(text);
  return {
    unknown: [
      ...new Set(
        tokens.flatMap((t) => (t.kind === 'field' && !isMergeField(t.name) ? [t.name] : [])),
      ),
    ],
    unclosed: tokens.some((t) => t.kind === 'unclosed'),
  };
}

/**
 * Replaces the known merge fields of `text` with their values, as plain text (values are not
 * escaped or interpreted: the web shows the result as text). A missing, null or blank value is
 * replaced by `fallback(field)`, so the caller notices rather than reading out an empty gap.
 * Unknown fields and unclosed `{{` are left as written. Never throws unless `fallback` does.
 */
export function renderText(
  text: string,
  values: Partial<Record<MergeField, string | null>>,
  fallback: (field: MergeField) => string,
): string {
  return tokenize(text)
    .map((t) => {
      if (t.kind === 'text') return t.text;
      if (t.kind === 'unclosed' || !isMergeField(t.name)) return t.raw;
      const value = values[t.name];
      return value != null && value.trim() !== '' ? value : fallback(t.name);
    })
    .join('');
}

/** Placeholders the caller sees where a value is missing, e.g. "[first name]". */
export const MERGE_FIELD_PLACEHOLDERS: Readonly<Record<'en' | 'fr', Record<MergeField, string>>> = {
  en: {
    'patron.firstName': '[first name]',
    'patron.preferredName': '[preferred name]',
    'patron.lastName': '[last name]',
    'caller.name': '[your name]',
    'library.name': '[library name]',
    'library.callbackNumber': '[library phone number]',
    'campaign.purpose': '[purpose of the call]',
  },
  fr: {
    'patron.firstName': '[prénom]',
    'patron.preferredName': '[prénom usuel]',
    'patron.lastName': '[nom de famille]',
    'caller.name': '[votre nom]',
    'library.name': '[nom de la bibliothèque]',
    'library.callbackNumber': '[numéro de la bibliothèque]',
    'campaign.purpose': "[but de l'appel]",
  },
};

/** A `renderText` fallback giving the placeholder in `language` (English if not translated). */
export function placeholderFallback(language: string): (field: MergeField) => string {
  const table = language === 'fr' ? MERGE_FIELD_PLACEHOLDERS.fr : MERGE_FIELD_PLACEHOLDERS.en;
  return (field) => table[field];
}
