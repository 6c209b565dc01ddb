import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { ImportedPatron, PhoneKind, PhoneNumber } from '../patrons/import/types.js';
import { mulberry32, type Random } from './prng.js';
import { ORIGINS, PREFERRED_NAMES, type Origin } from './synthetic-names.js';

/**
 * Deterministic synthetic patrons of a fictional library system around Vaughan, Ontario, for
 * `outreach demo` and the import benchmarks. Every name, number and address is invented: phone
 * numbers are well-formed but random, e-mail domains are example.org / example.net only.
 */
export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** "Today" for ages and expiry dates, YYYY-MM-DD; fixed by default so output never depends on the clock. */
  startDate?: string;
}

const BRANCHES_BY_CITY: Record<
  string,
  { branches: readonly string[]; fsas: readonly string[]; weight: number }
> = {
  Vaughan: { branches: ['CIVC', 'PIER'], fsas: ['L4H', 'L4K', 'L6A'], weight: 24 },
  Maple: { branches: ['MAPL', 'CIVC'], fsas: ['L6A'], weight: 18 },
  Woodbridge: { branches: ['WOOD', 'ANSL'], fsas: ['L4L', 'L4H'], weight: 22 },
  Thornhill: { branches: ['BATH', 'DUFF'], fsas: ['L4J'], weight: 20 },
  Concord: { branches: ['PIER', 'CIVC'], fsas: ['L4K'], weight: 10 },
  Kleinburg: { branches: ['KLEI'], fsas: ['L0J'], weight: 6 },
};
const CITIES = Object.entries(BRANCHES_BY_CITY).map(([name, city]) => ({ name, ...city }));
const AREA_CODES = [
  { code: '905', weight: 50 },
  { code: '289', weight: 14 },
  { code: '365', weight: 4 },
  { code: '416', weight: 14 },
  { code: '647', weight: 13 },
  { code: '437', weight: 5 },
];
const AGE_BANDS = [
  { min: 4, max: 17, weight: 12 },
  { min: 18, max: 64, weight: 48 },
  { min: 65, max: 69, weight: 10 },
  { min: 70, max: 79, weight: 17 },
  { min: 80, max: 89, weight: 10 },
  { min: 90, max: 101, weight: 3 },
];
const POSTAL_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';
const CARD_PREFIX = '290030';

/** Luhn check digit, as library barcodes commonly carry. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function cardNumber(sequence: number): string {
  const body = `${CARD_PREFIX}${String(sequence).padStart(7, '0')}`;
  return `${body}${luhnDigit(body)}`;
}

/** Exchanges 200–999 except N11 service codes, 555 (directory/fictional) and 950/958/959/976. */
function exchange(random: Random): string {
  for (;;) {
    const n = random.int(200, 999);
    if (n % 100 === 11 || n === 555 || n === 950 || n === 958 || n === 959 || n === 976) continue;
    return String(n);
  }
}

/** A random, well-formed number written the way staff and patrons type them. */
function phoneText(random: Random, kind: PhoneKind): string {
  const area = random.weighted(AREA_CODES).code;
  const ex = exchange(random);
  const line = String(random.int(0, 9999)).padStart(4, '0');
  if (random.chance(0.01)) {
    // Broken on purpose: a missing area code or a dropped digit, as real files have.
    return random.chance(0.5) ? `${ex}-${line}` : `(${area}) ${ex}-${line.slice(0, 3)}`;
  }
  const forms = [
    `(${area}) ${ex}-${line}`,
    `${area}-${ex}-${line}`,
    `${area}.${ex}.${line}`,
    `${area}${ex}${line}`,
    `+1 ${area} ${ex} ${line}`,
    `1-${area}-${ex}-${line}`,
    `${area} ${ex} ${line}`,
  ];
  const text =
    forms[Math.min(forms.length - 1, Math.floor(random.next() ** 1.6 * forms.length))] ?? '';
  const extensionChance = kind === 'work' ? 0.3 : 0.005;
  if (!random.chance(extensionChance)) return text;
  const ext = String(random.int(1, 999));
  return random.chance(0.25)
    ? `${text} poste ${ext}`
    : random.chance(0.5)
      ? `${text} ext ${ext}`
      : `${text} x${ext}`;
}

function phone(kind: PhoneKind, raw: string): PhoneNumber {
  // The generator does not validate: e164/valid are left for the normalisers the import runs.
  return { kind, raw, e164: null, extension: null, valid: false };
}

function addYears(date: string, years: number, days = 0): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function asciiFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

interface Household {
  origin: Origin;
  surname: string;
  phone: string;
  city: (typeof CITIES)[number];
  postalCode: string;
  age: number;
}

function patronType(random: Random, age: number): string {
  if (age < 18) return 'JUVENILE';
  if (age >= 80 && random.chance(0.15)) return 'HOMEBOUND';
  if (age >= 70 && random.chance(0.04)) return 'HOMEBOUND';
  if (age < 65 && random.chance(0.015)) return 'STAFF';
  return age >= 65 ? 'SENIOR' : 'ADULT';
}

function emailChance(age: number): number {
  if (age < 13) return 0.3;
  if (age < 70) return 0.85;
  if (age < 85) return 0.55;
  return 0.3;
}

/** Patrons one at a time: constant memory for any count. */
export function* generatePatrons(options: SyntheticOptions): Generator<ImportedPatron> {
  const random = mulberry32(options.seed ?? 20_240_601);
  const today = options.startDate ?? '2026-01-15';
  let household: Household | null = null;
  // A closure, so the type checker does not narrow the household to null inside the loop.
  const takeHousehold = (): Household | null => {
    const taken = household;
    household = null;
    return taken;
  };

  for (let i = 0; i < options.count; i++) {
    // About 5 % of patrons start a household whose next member shares their phone (≈ 8 % share one).
    const joining = takeHousehold();
    const origin: Origin = joining?.origin ?? random.weighted(ORIGINS);
    const band = random.weighted(AGE_BANDS);
    const age: number = joining
      ? Math.max(18, joining.age + random.int(-6, 6))
      : random.int(band.min, band.max);
    const female = random.chance(age >= 80 ? 0.62 : 0.52);
    const firstName = random.pick(female ? origin.female : origin.male);
    const lastName: string =
      joining && random.chance(0.85) ? joining.surname : random.pick(origin.surnames);
    const city: Household['city'] = joining?.city ?? random.weighted(CITIES);
    const postalCode: string =
      joining?.postalCode ??
      `${random.pick(city.fsas)} ${random.int(1, 9)}${POSTAL_LETTERS.charAt(random.int(0, POSTAL_LETTERS.length - 1))}${random.int(0, 9)}`;
    const birthDate = addYears(today, -age, -random.int(1, 364));
    const homeRaw: string | null =
      joining?.phone ?? (random.chance(age >= 65 ? 0.95 : 0.8) ? phoneText(random, 'home') : null);
    if (!joining && homeRaw !== null && age >= 18 && random.chance(0.052)) {
      household = { origin, surname: lastName, phone: homeRaw, city, postalCode, age };
    }

    const phones: PhoneNumber[] = [];
    if (homeRaw !== null) phones.push(phone('home', homeRaw));
    if (age >= 12 && random.chance(age >= 75 ? 0.3 : 0.65))
      phones.push(phone('mobile', phoneText(random, 'mobile')));
    if (age >= 18 && age < 67 && random.chance(0.1))
      phones.push(phone('work', phoneText(random, 'work')));

    const emails: string[] = [];
    if (random.chance(emailChance(age))) {
      const local = `${asciiFold(firstName)}.${asciiFold(lastName)}${random.chance(0.5) ? random.int(1, 99) : ''}`;
      emails.push(`${local}@${random.chance(0.6) ? 'example.org' : 'example.net'}`);
    }

    // Seniors keep their first language more often than younger patrons of the same background.
    const keepsLanguage = random.chance(
      Math.min(1, origin.share * (age >= 70 ? 1.6 : age < 18 ? 0.3 : 1)),
    );
    const expired = random.chance(0.1);
    const preferredName =
      (origin.key === 'chinese' || origin.key === 'korean') && random.chance(0.3)
        ? random.pick(female ? PREFERRED_NAMES.female : PREFERRED_NAMES.male)
        : null;

    yield {
      cardNumber: cardNumber(i + 1),
      externalId: String(100_000 + i),
      firstName,
      lastName,
      preferredName,
      birthDate,
      language: keepsLanguage ? origin.language : 'en',
      branch: random.pick(city.branches),
      patronType: patronType(random, age),
      status: expired ? 'expired' : 'active',
      expiryDate: expired
        ? addYears(today, 0, -random.int(1, 900))
        : addYears(today, 0, random.int(1, 1000)),
      phones,
      emails,
      city: city.name,
      region: 'ON',
      postalCode,
      tags: [],
    };
  }
}

export const KOHA_BORROWER_COLUMNS = [
  'cardnumber',
  'surname',
  'firstname',
  'othernames',
  'dateofbirth',
  'phone',
  'mobile',
  'B_phone',
  'email',
  'branchcode',
  'categorycode',
  'dateexpiry',
  'lang',
  'city',
  'state',
  'zipcode',
] as const;

function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One patron as a line of a Koha borrowers export. */
export function kohaCsvLine(patron: ImportedPatron): string {
  const phoneOf = (kind: PhoneKind): string | undefined =>
    patron.phones.find((p) => p.kind === kind)?.raw;
  return [
    patron.cardNumber,
    patron.lastName,
    patron.firstName,
    patron.preferredName,
    patron.birthDate,
    phoneOf('home'),
    phoneOf('mobile'),
    phoneOf('work'),
    patron.emails[0],
    patron.branch,
    patron.patronType,
    patron.expiryDate,
    patron.language,
    patron.city,
    patron.region,
    patron.postalCode,
  ]
    .map(csvField)
    .join(',');
}

/** Writes a Koha-style borrowers CSV (UTF-8, header row), streaming in batches. */
export async function writePatronsCsv(
  path: string,
  options: SyntheticOptions,
): Promise<{ rows: number }> {
  const out = createWriteStream(path);
  const failed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  let batch = `${KOHA_BORROWER_COLUMNS.join(',')}\n`;
  let rows = 0;
  for (const patron of generatePatrons(options)) {
    batch += `${kohaCsvLine(patron)}\n`;
    rows++;
    if (batch.length > 256 * 1024) {
      if (!out.write(batch)) await Promise.race([once(out, 'drain'), failed]);
      batch = '';
    }
  }
  out.end(batch);
  await Promise.race([once(out, 'finish'), failed]);
  return { rows };
}
