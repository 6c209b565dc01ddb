import { describe, expect, it } from 'vitest';
import { splitFullName, tidyName } from './names.js';

describe('tidyName', () => {
  it("title-cases names written in capitals, keeping Mc/Mac/O' and hyphenated parts right", () => {
    expect(tidyName("O'BRIEN-SMITH")).toBe("O'Brien-Smith");
    expect(tidyName('MCDONALD')).toBe('McDonald');
    expect(tidyName('MACDONALD')).toBe('MacDonald');
    expect(tidyName('MACIAS')).toBe('Macias');
    expect(tidyName('MACHADO')).toBe('Machado');
    expect(tidyName('JEAN-FRANÇOIS')).toBe('Jean-François');
    expect(tidyName('HENRY VIII')).toBe('Henry VIII');
  });

  it('keeps names written in mixed case exactly, after trimming and collapsing spaces', () => {
    expect(tidyName('  de  la Cruz ')).toBe('de la Cruz');
    expect(tidyName('McKAY')).toBe('McKAY');
  });
});

describe('splitFullName', () => {
  it('splits Sierra\'s "Last, First Middle"', () => {
    expect(splitFullName('TREMBLAY, MARIE ANNE', 'last-first')).toEqual({
      lastName: 'Tremblay',
      firstName: 'Marie',
      middleName: 'Anne',
    });
  });

  it('splits "First Last" and reads a comma as "Last, First" under any order', () => {
    expect(splitFullName('Marie Anne Tremblay', 'first-last')).toMatchObject({
      firstName: 'Marie',
      lastName: 'Tremblay',
    });
    expect(splitFullName('Tremblay, Marie', 'auto')).toMatchObject({
      firstName: 'Marie',
      lastName: 'Tremblay',
    });
  });

  it('keeps a name without a comma whole as the last name under last-first', () => {
    expect(splitFullName('Friends of the Library', 'last-first')).toMatchObject({
      firstName: '',
      lastName: 'Friends of the Library',
    });
  });

  it('takes the first of repeated names joined with ";"', () => {
    expect(splitFullName('SMITH, JOHN;SMYTH, JOHN', 'last-first')).toMatchObject({
      firstName: 'John',
      lastName: 'Smith',
    });
  });
});
