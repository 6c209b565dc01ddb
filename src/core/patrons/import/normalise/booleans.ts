/** Yes/no cells as ILS exports write them (Evergreen t/f, Koha 1/0, spreadsheets in EN and FR). */

const TRUE_WORDS = new Set(['t', 'true', '1', 'y', 'yes', 'oui', 'vrai']);
const FALSE_WORDS = new Set(['f', 'false', '0', 'n', 'no', 'non', 'faux']);

export interface BooleanResult {
  /** undefined when the cell is empty or not understood. */
  value: boolean | undefined;
  problem?: string;
}

/** Accepted forms, for messages and tests. */
export const BOOLEAN_FORMS: readonly string[] = [...TRUE_WORDS, ...FALSE_WORDS];

/** An empty cell is "not said" (no problem); any other unknown text is reported. */
export function parseBoolean(raw: string): BooleanResult {
  const text = raw.trim().toLowerCase();
  if (text.length === 0) return { value: undefined };
  if (TRUE_WORDS.has(text)) return { value: true };
  if (FALSE_WORDS.has(text)) return { value: false };
  return {
    value: undefined,
    problem: `${raw.trim()} is not yes/no (expected one of ${BOOLEAN_FORMS.join(', ')})`,
  };
}
