import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearPhoneCache, parsePhone, parsePhones } from './phone.js';

beforeEach(() => clearPhoneCache());

/** Area codes in service in Canada (a sample); exchanges 200–999 except N11. */
const AREA_CODES = [
  '416',
  '647',
  '437',
  '905',
  '289',
  '613',
  '819',
  '514',
  '438',
  '604',
  '403',
  '780',
  '902',
  '709',
];
const canadianNumber = fc
  .record({
    area: fc.constantFrom(...AREA_CODES),
    exchange: fc.integer({ min: 200, max: 999 }).filter((n) => n % 100 !== 11),
    line: fc.integer({ min: 0, max: 9999 }),
  })
  .map(({ area, exchange, line }) => ({
    area,
    exchange: String(exchange),
    line: String(line).padStart(4, '0'),
  }));

type Parts = { area: string; exchange: string; line: string };
const WRITTEN_FORMS: ((p: Parts) => string)[] = [
  (p) => `${p.area}-${p.exchange}-${p.line}`,
  (p) => `(${p.area}) ${p.exchange}-${p.line}`,
  (p) => `1-${p.area}-${p.exchange}-${p.line}`,
  (p) => `+1 ${p.area} ${p.exchange} ${p.line}`,
  (p) => `${p.area}.${p.exchange}.${p.line}`,
  (p) => `${p.area}${p.exchange}${p.line}`,
  (p) => ` ${p.area} ${p.exchange} ${p.line} `,
];
const EXTENSION_FORMS = [
  (e: string) => ` ext ${e}`,
  (e: string) => ` ext. ${e}`,
  (e: string) => ` x${e}`,
  (e: string) => ` #${e}`,
  (e: string) => ` poste ${e}`,
  (e: string) => `, poste ${e}`,
  (e: string) => ` extension ${e}`,
];

describe('parsePhone', () => {
  it('parses a Canadian number written any accepted way to the same E.164', () => {
    fc.assert(
      fc.property(canadianNumber, fc.constantFrom(...WRITTEN_FORMS), (parts, write) => {
        const expected = parsePhoneNumberFromString(
          `+1${parts.area}${parts.exchange}${parts.line}`,
        );
        const phone = parsePhone(write(parts), 'home', 'CA');
        expect(phone.valid).toBe(expected?.isValid() ?? false);
        if (phone.valid) expect(phone.e164).toBe(`+1${parts.area}${parts.exchange}${parts.line}`);
      }),
    );
  });

  it('keeps the extension whichever way it is written, including the French "poste"', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WRITTEN_FORMS),
        fc.constantFrom(...EXTENSION_FORMS),
        fc.integer({ min: 1, max: 99999 }),
        (write, writeExtension, extension) => {
          const raw =
            write({ area: '416', exchange: '555', line: '0123' }) +
            writeExtension(String(extension));
          const phone = parsePhone(raw, 'work', 'CA');
          expect(phone).toMatchObject({
            e164: '+14165550123',
            extension: String(extension),
            valid: true,
          });
        },
      ),
    );
  });

  it('gives the same answer as libphonenumber for any ten digits (the area-code memo is exact)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{9}$/), (digits) => {
        clearPhoneCache();
        const library = parsePhoneNumberFromString(digits, 'CA');
        const valid = library?.isValid() ?? false;
        parsePhone(`${digits.slice(0, 7)}000`, 'home', 'CA');
        const phone = parsePhone(digits, 'home', 'CA');
        expect(phone.valid).toBe(valid);
        expect(phone.e164).toBe(valid ? (library?.number ?? null) : null);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on junk and never loses the raw text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (junk) => {
        const phone = parsePhone(junk, 'other', 'CA');
        expect(phone.kind).toBe('other');
        if (!phone.valid) expect(phone.e164).toBeNull();
      }),
    );
  });

  it('keeps an invalid phone number with its raw text and flags it', () => {
    expect(parsePhone('123-456-7890', 'home', 'CA')).toEqual({
      kind: 'home',
      raw: '123-456-7890',
      e164: null,
      extension: null,
      valid: false,
    });
    expect(parsePhone('555-0123', 'home', 'CA').valid).toBe(false);
  });

  it('reads US numbers and international numbers written with +', () => {
    expect(parsePhone('212-555-0123', 'home', 'CA').e164).toBe('+12125550123');
    expect(parsePhone('+44 20 7946 0958', 'home', 'CA').e164).toBe('+442079460958');
  });

  it('uses the configured default region for national numbers', () => {
    expect(parsePhone('020 7946 0958', 'home', 'GB').e164).toBe('+442079460958');
    expect(parsePhone('020 7946 0958', 'home', 'CA').valid).toBe(false);
  });

  it('returns the same result from the memo as from a fresh parse', () => {
    const first = parsePhone('(613) 555-0199 poste 4', 'home', 'CA');
    const second = parsePhone('(613) 555-0199 poste 4', 'mobile', 'CA');
    expect(second).toEqual({ ...first, kind: 'mobile' });
  });
});

describe('parsePhones', () => {
  it('splits several numbers in one cell on "/", ";" or "|"', () => {
    const phones = parsePhones(
      '416-555-0123 / 905 555 0199; 613.555.0100 | 819-555-0111',
      'home',
      'CA',
    );
    expect(phones.map((p) => p.e164)).toEqual([
      '+14165550123',
      '+19055550199',
      '+16135550100',
      '+18195550111',
    ]);
    expect(phones.every((p) => p.kind === 'home')).toBe(true);
  });

  it('reads "416/555-0123" as one number, not two fragments', () => {
    expect(parsePhones('416/555-0123', 'home', 'CA').map((p) => p.raw)).toEqual(['416/555-0123']);
  });

  it('returns nothing for an empty cell', () => {
    expect(parsePhones('   ', 'home', 'CA')).toEqual([]);
  });
});
