import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { implausibleBirthDate, isoDateOf, parseDate } from './dates.js';

const realDate = fc
  .date({
    min: new Date(Date.UTC(1900, 0, 1)),
    max: new Date(Date.UTC(2099, 11, 31)),
    noInvalidDate: true,
  })
  .map((d) => ({ y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }));
const two = (n: number): string => String(n).padStart(2, '0');
const iso = (p: { y: number; m: number; d: number }): string => `${p.y}-${two(p.m)}-${two(p.d)}`;

describe('parseDate', () => {
  it('round-trips any date written in each layout convention', () => {
    fc.assert(
      fc.property(realDate, (p) => {
        expect(parseDate(iso(p), { order: 'ymd' }).value).toBe(iso(p));
        expect(parseDate(`${iso(p)}T00:00:00.000+00:00`, { order: 'ymd' }).value).toBe(iso(p));
        expect(parseDate(`${p.y}/${two(p.m)}/${two(p.d)}`, { order: 'ymd' }).value).toBe(iso(p));
        expect(parseDate(`${p.y}${two(p.m)}${two(p.d)}`, { order: 'ymd' }).value).toBe(iso(p));
        expect(parseDate(`${two(p.m)}-${two(p.d)}-${p.y}`, { order: 'mdy' }).value).toBe(iso(p));
        expect(parseDate(`${p.m}/${p.d}/${p.y}`, { order: 'mdy' }).value).toBe(iso(p));
        expect(parseDate(`${two(p.d)}/${two(p.m)}/${p.y}`, { order: 'dmy' }).value).toBe(iso(p));
      }),
    );
  });

  it('flags a slashed date that reads both ways under a layout that allows both orders', () => {
    const result = parseDate('03/04/1950', { order: 'ymd' });
    expect(result).toMatchObject({ value: null, ambiguous: true });
    expect(result.problem).toMatch(/month\/day or day\/month/);
  });

  it('reads a slashed date that can only be one way', () => {
    expect(parseDate('25/03/1950', { order: 'ymd' })).toEqual({
      value: '1950-03-25',
      ambiguous: false,
    });
    expect(parseDate('03/03/1950', { order: 'ymd' })).toEqual({
      value: '1950-03-03',
      ambiguous: false,
    });
  });

  it('rejects impossible dates with a reason', () => {
    expect(parseDate('2023-02-30', { order: 'ymd' })).toMatchObject({
      value: null,
      problem: expect.stringMatching(/not a real date/),
    });
    expect(parseDate('13/25/1950', { order: 'mdy' }).value).toBeNull();
    expect(parseDate('1900-02-29', { order: 'ymd' }).value).toBeNull();
    expect(parseDate('2000-02-29', { order: 'ymd' }).value).toBe('2000-02-29');
  });

  it('rejects two-digit years for birth dates and reads them as 20YY for expiry dates', () => {
    expect(parseDate('03-15-45', { order: 'mdy' })).toMatchObject({
      value: null,
      problem: expect.stringMatching(/two-digit year/),
    });
    expect(parseDate('12-31-27', { order: 'mdy', twoDigitYears: 'this-century' }).value).toBe(
      '2027-12-31',
    );
  });

  it('reads Excel serial numbers in the 1900 date system, including its 1900-02-29 bug', () => {
    expect(parseDate('1', { order: 'ymd' }).value).toBe('1900-01-01');
    expect(parseDate('59', { order: 'ymd' }).value).toBe('1900-02-28');
    expect(parseDate('60', { order: 'ymd' })).toMatchObject({
      value: null,
      problem: expect.stringMatching(/never existed/),
    });
    expect(parseDate('61', { order: 'ymd' }).value).toBe('1900-03-01');
    expect(parseDate('18337', { order: 'ymd' }).value).toBe('1950-03-15');
    expect(parseDate('45658.5', { order: 'ymd' }).value).toBe('2025-01-01');
  });

  it('treats "never" and empty cells as no date, without a problem', () => {
    for (const text of ['', 'NEVER', '0000-00-00', ' ']) {
      expect(parseDate(text, { order: 'ymd' })).toEqual({ value: null, ambiguous: false });
    }
  });

  it('reads US report dates with a time of day', () => {
    expect(parseDate('12/31/2025 12:00:00 AM', { order: 'mdy' }).value).toBe('2025-12-31');
    expect(parseDate('2025-12-31 00:00:00', { order: 'mdy' }).value).toBe('2025-12-31');
  });

  it('never throws on junk', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('ymd', 'mdy', 'dmy') as fc.Arbitrary<'ymd'>,
        (junk, order) => {
          const result = parseDate(junk, { order });
          if (result.value !== null) expect(result.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        },
      ),
    );
  });
});

describe('implausibleBirthDate', () => {
  it('flags birth dates in the future or more than 120 years ago', () => {
    expect(implausibleBirthDate('2030-01-01', '2026-06-01')).toMatch(/future/);
    expect(implausibleBirthDate('1900-01-01', '2026-06-01')).toMatch(/120 years/);
    expect(implausibleBirthDate('1940-05-05', '2026-06-01')).toBeUndefined();
  });
});

describe('isoDateOf', () => {
  it('writes the local calendar date', () => {
    expect(isoDateOf(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
