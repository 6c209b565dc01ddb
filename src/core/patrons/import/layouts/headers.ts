/**
 * Header matching that forgives what spreadsheets and ILSs change: case, accents, spaces,
 * underscores and punctuation. "B_phone", "b phone" and "B-Phone" are one header; so are "Prénom"
 * and "prenom".
 */

const MARKS = /\p{M}/gu;
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]/gu;

/** Files have few distinct headers, but hooks look them up on every row. */
const keys = new Map<string, string>();
const KEY_CACHE_LIMIT = 10_000;

export function headerKey(header: string): string {
  const known = keys.get(header);
  if (known !== undefined) return known;
  const key = header
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(NOT_ALPHANUMERIC, '');
  if (keys.size >= KEY_CACHE_LIMIT) keys.clear();
  keys.set(header, key);
  return key;
}

/**
 * Words of a header, splitting camelCase too ("ItemsOut" → items out), for the privacy rules that
 * must not confuse "household" with "hold".
 */
export function headerWords(header: string): string {
  return header
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
