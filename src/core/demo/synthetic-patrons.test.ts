import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from './prng.js';
import {
  cardNumber,
  generatePatrons,
  KOHA_BORROWER_COLUMNS,
  luhnDigit,
  writePatronsCsv,
} from './synthetic-patrons.js';

const sample = [...generatePatrons({ count: 20_000, seed: 7 })];
const ageOf = (birthDate: string | null): number => 2026 - Number(birthDate?.slice(0, 4));
const share = (predicate: (p: (typeof sample)[number]) => boolean): number =>
  sample.filter(predicate).length / sample.length;

describe('generatePatrons', () => {
  it('gives the same patrons for the same seed and different ones for another seed', () => {
    const again = [...generatePatrons({ count: 500, seed: 7 })];
    expect(again).toEqual(sample.slice(0, 500));
    expect([...generatePatrons({ count: 50, seed: 8 })]).not.toEqual(sample.slice(0, 50));
  });

  it('uses the PRNG only, never Math.random', () => {
    const spy = Math.random;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    try {
      expect([...generatePatrons({ count: 100 })]).toHaveLength(100);
    } finally {
      Math.random = spy;
    }
    expect(mulberry32(1).next()).toBe(mulberry32(1).next());
  });

  it('gives unique 14-digit card numbers with a valid check digit', () => {
    const cards = new Set(sample.map((p) => p.cardNumber));
    expect(cards.size).toBe(sample.length);
    for (const card of [...cards].slice(0, 100)) {
      expect(card).toMatch(/^\d{14}$/);
      expect(luhnDigit(card.slice(0, 13))).toBe(Number(card[13]));
    }
    expect(cardNumber(9_999_999)).toHaveLength(14);
  });

  it('writes phone numbers of which at least 95 % are valid Canadian numbers, and about 1 % invalid on purpose', () => {
    const raws = sample.flatMap((p) => p.phones.map((phone) => phone.raw));
    // The import normalises the French "poste" extension before parsing (libphonenumber-js drops it).
    const valid = raws.filter(
      (raw) =>
        parsePhoneNumberFromString(raw.replace(/\s*poste\s*/i, ' ext '), 'CA')?.isValid() === true,
    );
    const rate = valid.length / raws.length;
    expect(rate).toBeGreaterThanOrEqual(0.95);
    expect(rate).toBeLessThan(0.998);
    expect(raws.some((raw) => / ext \d+$/.test(raw))).toBe(true);
    expect(raws.some((raw) => / poste \d+$/.test(raw))).toBe(true);
    expect(raws.filter((raw) => /^\(\d{3}\) \d{3}-\d{4}$/.test(raw)).length).toBeGreaterThan(
      raws.length * 0.1,
    );
    // 555 numbers are fictional or directory services: none is generated.
    const exchanges = raws.map((raw) =>
      raw
        .replace(/\s*(ext|poste|x)\s*\d+$/, '')
        .replace(/\D/g, '')
        .replace(/^1(?=\d{10}$)/, '')
        .slice(3, 6),
    );
    expect(exchanges).not.toContain('555');
  });

  it('has about 8 % of patrons sharing a home phone with another patron', () => {
    const counts = new Map<string, number>();
    for (const p of sample) {
      const home = p.phones.find((phone) => phone.kind === 'home')?.raw;
      if (home !== undefined) counts.set(home, (counts.get(home) ?? 0) + 1);
    }
    const sharing =
      [...counts.values()].filter((n) => n > 1).reduce((sum, n) => sum + n, 0) / sample.length;
    expect(sharing).toBeGreaterThan(0.06);
    expect(sharing).toBeLessThan(0.1);
  });

  it('skews ages to include many seniors: about 30 % are 70 or older, some 90 or older', () => {
    expect(share((p) => ageOf(p.birthDate) >= 70)).toBeGreaterThan(0.26);
    expect(share((p) => ageOf(p.birthDate) >= 70)).toBeLessThan(0.34);
    expect(share((p) => ageOf(p.birthDate) >= 80)).toBeGreaterThan(0.1);
    expect(share((p) => ageOf(p.birthDate) >= 90)).toBeGreaterThan(0.015);
    expect(share((p) => p.patronType === 'JUVENILE')).toBeGreaterThan(0.08);
  });

  it('mixes languages, expiries, e-mail and branches as a Vaughan library would', () => {
    expect(share((p) => p.language === 'en')).toBeGreaterThan(0.6);
    for (const language of ['fr', 'it', 'zh', 'pa', 'ru', 'tl', 'pt', 'es', 'ko', 'fa']) {
      expect(share((p) => p.language === language)).toBeGreaterThan(0.003);
    }
    expect(share((p) => p.status === 'expired')).toBeCloseTo(0.1, 1);
    expect(share((p) => p.emails.length > 0)).toBeCloseTo(0.7, 1);
    expect(sample.flatMap((p) => p.emails).every((e) => /@example\.(org|net)$/.test(e))).toBe(true);
    expect(new Set(sample.map((p) => p.branch))).toEqual(
      new Set(['BATH', 'DUFF', 'MAPL', 'PIER', 'CIVC', 'KLEI', 'WOOD', 'ANSL']),
    );
    expect(new Set(sample.map((p) => p.patronType))).toEqual(
      new Set(['ADULT', 'SENIOR', 'HOMEBOUND', 'JUVENILE', 'STAFF']),
    );
    expect(
      sample.every(
        (p) =>
          p.region === 'ON' && /^(L4J|L4K|L4L|L6A|L4H|L0J) \d[A-Z]\d$/.test(p.postalCode ?? ''),
      ),
    ).toBe(true);
  });
});

describe('writePatronsCsv', () => {
  it('writes a Koha borrowers CSV matching the generated patrons', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outreach-seed-'));
    try {
      const path = join(dir, 'borrowers.csv');
      expect(await writePatronsCsv(path, { count: 3000, seed: 7 })).toEqual({ rows: 3000 });
      const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
      expect(lines[0]).toBe(KOHA_BORROWER_COLUMNS.join(','));
      expect(lines).toHaveLength(3001);
      const first = sample[0]!;
      expect(
        lines[1]?.startsWith(`${first.cardNumber},${first.lastName},${first.firstName},`),
      ).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
