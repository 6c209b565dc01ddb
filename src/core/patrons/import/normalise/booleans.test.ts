import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOOLEAN_FORMS, parseBoolean } from './booleans.js';

const TRUE_FORMS = ['t', 'true', '1', 'y', 'yes', 'oui', 'vrai'];
const FALSE_FORMS = ['f', 'false', '0', 'n', 'no', 'non', 'faux'];

function anyCase(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) =>
      Array.from({ length: word.length }, (_, i) =>
        upper[i] === true ? word.charAt(i).toUpperCase() : word.charAt(i),
      ).join(''),
    );
}

describe('parseBoolean', () => {
  it('accepts every listed form in any case, with spaces around', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRUE_FORMS, ...FALSE_FORMS).chain(anyCase),
        fc.constantFrom('', ' ', '\t'),
        (word, pad) => {
          expect(parseBoolean(`${pad}${word}${pad}`)).toEqual({
            value: TRUE_FORMS.includes(word.toLowerCase()),
          });
        },
      ),
    );
  });

  it('accepts exactly the listed forms and reports anything else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), (text) => {
        fc.pre(text.trim().length > 0);
        const result = parseBoolean(text);
        const listed = BOOLEAN_FORMS.includes(text.trim().toLowerCase());
        expect(result.value !== undefined).toBe(listed);
        expect(result.problem !== undefined).toBe(!listed);
      }),
    );
    expect(new Set(BOOLEAN_FORMS)).toEqual(new Set([...TRUE_FORMS, ...FALSE_FORMS]));
  });

  it('treats an empty cell as not said, without a problem', () => {
    expect(parseBoolean('  ')).toEqual({ value: undefined });
  });
});
