/**
 * Patron names. ILS exports often write names in capitals ("O'BRIEN-SMITH, MARY"); callers read
 * them aloud, so all-capital names are title-cased with the usual Mc/Mac/O' rules. Names written
 * in mixed case are kept exactly as written: the patron chose them.
 */

export type NameOrder = 'last-first' | 'first-last' | 'auto';

export interface SplitName {
  firstName: string;
  lastName: string;
  /** Not stored (ImportedPatron has no middle name) but returned for completeness. */
  middleName: string;
}

const SPACES = /\s+/g;
const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;
const ROMAN = /^(?:II|III|IV|VI|VII|VIII)$/;
/** "Mac" is a prefix in MacDonald but not in Macias, Machado, Mackie or Macchi. */
const MAC_PREFIX = /^Mac[^aeiouyhkc\W\d]/u;

function capitalise(word: string): string {
  if (word.length === 0) return word;
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function titleCaseWord(word: string): string {
  if (ROMAN.test(word)) return word;
  const cased = capitalise(word);
  if (cased.startsWith('Mc') && cased.length > 3) return `Mc${capitalise(cased.slice(2))}`;
  if (MAC_PREFIX.test(cased) && cased.length > 5) return `Mac${capitalise(cased.slice(3))}`;
  return cased;
}

/** Title-cases a name written in capitals, keeping hyphenated and O'/D' parts right. */
export function titleCaseName(name: string): string {
  return name
    .split(' ')
    .map((word) =>
      word
        .split('-')
        .map((part) =>
          part
            .split(/(['’])/)
            .map((piece) => (piece === "'" || piece === '’' ? piece : titleCaseWord(piece)))
            .join(''),
        )
        .join('-'),
    )
    .join(' ');
}

/** Trims, collapses spaces, and title-cases names written entirely in capitals. */
export function tidyName(raw: string): string {
  const text = raw.trim().replace(SPACES, ' ');
  if (HAS_UPPER.test(text) && !HAS_LOWER.test(text) && text.length > 1) return titleCaseName(text);
  return text;
}

function splitGiven(given: string): { firstName: string; middleName: string } {
  const space = given.indexOf(' ');
  if (space < 0) return { firstName: given, middleName: '' };
  return { firstName: given.slice(0, space), middleName: given.slice(space + 1) };
}

/**
 * Splits a full name. "Last, First Middle" (Sierra, Symphony) is read by its comma under any
 * order; without a comma, `last-first` keeps the whole text as the last name (an organisation or
 * a one-word name) and `first-last` takes the last word as the last name. Sierra joins repeated
 * names with ";": the first is the current one.
 */
export function splitFullName(raw: string, order: NameOrder): SplitName {
  const text = tidyName(raw.split(';')[0] ?? '');
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const lastName = text.slice(0, comma).trim();
    return { lastName, ...splitGiven(text.slice(comma + 1).trim()) };
  }
  if (order === 'last-first' || !text.includes(' ')) {
    return { firstName: '', lastName: text, middleName: '' };
  }
  const lastSpace = text.lastIndexOf(' ');
  return { lastName: text.slice(lastSpace + 1), ...splitGiven(text.slice(0, lastSpace)) };
}
