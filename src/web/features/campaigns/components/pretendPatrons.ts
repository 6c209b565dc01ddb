/**
 * Invented patrons for practice. Fixed, never drawn from the patron list, and nothing about a
 * practice call is sent to the server.
 */
export interface PretendPatron {
  id: string;
  firstName: string;
  lastName: string;
  age: number;
  /** ISO 639-1 code of the language the patron speaks. */
  language: string;
  /** A line for the practising caller about how the pretend patron tends to answer. */
  noteKey: 'rose' | 'giovanni' | 'amrit' | 'marguerite' | 'daniel';
}

export const PRETEND_PATRONS: readonly PretendPatron[] = [
  { id: 'rose', firstName: 'Rose', lastName: 'Tremblay', age: 84, language: 'fr', noteKey: 'rose' },
  {
    id: 'giovanni',
    firstName: 'Giovanni',
    lastName: 'Russo',
    age: 79,
    language: 'it',
    noteKey: 'giovanni',
  },
  { id: 'amrit', firstName: 'Amrit', lastName: 'Gill', age: 71, language: 'en', noteKey: 'amrit' },
  {
    id: 'marguerite',
    firstName: 'Marguerite',
    lastName: 'Côté',
    age: 91,
    language: 'fr',
    noteKey: 'marguerite',
  },
  {
    id: 'daniel',
    firstName: 'Daniel',
    lastName: 'Okafor',
    age: 76,
    language: 'en',
    noteKey: 'daniel',
  },
];
