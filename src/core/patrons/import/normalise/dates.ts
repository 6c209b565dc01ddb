/**
 * Dates as ILS exports write them. Every layout states its order: `ymd` layouts (Koha, Evergreen,
 * FOLIO…) write ISO dates, so a slashed "03/04/1950" there could be either order and is flagged;
 * `mdy` (Sierra, Polaris, US-style) and `dmy` read slashed dates in that order only. ISO and
 * compact YYYYMMDD dates are accepted under every order because they cannot be misread.
 */

export type DateOrder = 'ymd' | 'mdy' | 'dmy';

export interface DateResult {
  /** YYYY-MM-DD, or null when absent, impossible or ambiguous. */
  value: string | null;
  ambiguous: boolean;
  problem?: string;
}

export interface DateOptions {
  order: DateOrder;
  /**
   * Two-digit years cannot be placed for birth dates ("45" is 1945 or 2045), so they are rejected
   * by default; expiry dates may read them as 20YY.
   */
  twoDigitYears?: 'reject' | 'this-century';
}

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const YMD_SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NUMERIC =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?)?$/i;
const SERIAL = /^\d{1,6}(?:\.\d+)?$/;
/** Values ILS exports use for "no date". */
const NO_DATE = new Set([
  '',
  'never',
  'jamais',
  'none',
  'null',
  'n/a',
  '0000-00-00',
  '00/00/0000',
  '00-00-0000',
]);

const EMPTY: DateResult = { value: null, ambiguous: false };
const DAY_MS = 86_400_000;
/** Excel's day 0 for serials after its fictitious 1900-02-29 (serial 60). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

function build(year: number, month: number, day: number, written: string): DateResult {
  if (!isRealDate(year, month, day)) {
    return { value: null, ambiguous: false, problem: `${written} is not a real date` };
  }
  return { value: `${year}-${pad(month)}-${pad(day)}`, ambiguous: false };
}

function fromSerial(serial: number): DateResult {
  const days = Math.floor(serial);
  if (days < 1) return { value: null, ambiguous: false, problem: 'not a date' };
  // Excel counts 1900 as a leap year: serial 60 is a day that never existed, and every serial
  // before it is one day later than the shared epoch suggests.
  if (days === 60) {
    return {
      value: null,
      ambiguous: false,
      problem: "Excel's day 60 is 1900-02-29, which never existed",
    };
  }
  const date = new Date(EXCEL_EPOCH_MS + (days < 60 ? days + 1 : days) * DAY_MS);
  return {
    value: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`,
    ambiguous: false,
  };
}

function fromNumeric(a: number, b: number, yearText: string, options: DateOptions): DateResult {
  let year = Number(yearText);
  if (yearText.length === 2) {
    if (options.twoDigitYears !== 'this-century') {
      return {
        value: null,
        ambiguous: false,
        problem: 'a two-digit year cannot be placed in a century',
      };
    }
    year += 2000;
  }
  const written = `${pad(a)}/${pad(b)}/${yearText}`;
  if (options.order === 'mdy') return build(year, a, b, `${written} (month/day/year)`);
  if (options.order === 'dmy') return build(year, b, a, `${written} (day/month/year)`);
  const asMdy = isRealDate(year, a, b);
  const asDmy = isRealDate(year, b, a);
  if (asMdy && asDmy && a !== b) {
    return {
      value: null,
      ambiguous: true,
      problem: `${written} could be month/day or day/month; choose the file's date order`,
    };
  }
  if (asMdy) return build(year, a, b, written);
  return build(year, b, a, written);
}

/** Parses a date cell. Never throws; every rejection carries a reason. */
export function parseDate(raw: string, options: DateOptions): DateResult {
  const text = raw.trim();
  if (NO_DATE.has(text.toLowerCase())) return EMPTY;
  const iso = ISO.exec(text) ?? YMD_SLASHED.exec(text) ?? COMPACT.exec(text);
  if (iso !== null) return build(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  const numeric = NUMERIC.exec(text);
  if (numeric?.[3] !== undefined) {
    return fromNumeric(Number(numeric[1]), Number(numeric[2]), numeric[3], options);
  }
  if (SERIAL.test(text)) return fromSerial(Number(text));
  return {
    value: null,
    ambiguous: false,
    problem: `${text} is not a date this layout understands`,
  };
}

/** YYYY-MM-DD of a moment, read in the server's time zone (the library's "today"). */
export function isoDateOf(moment: Date): string {
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** Oldest plausible age; older birth dates are usually placeholders such as 1900-01-01. */
export const MAX_AGE_YEARS = 120;

/** Why a parsed birth date cannot be right on `today` (YYYY-MM-DD), or undefined when plausible. */
export function implausibleBirthDate(value: string, today: string): string | undefined {
  if (value > today) return 'birth date is in the future';
  const limit = `${Number(today.slice(0, 4)) - MAX_AGE_YEARS}${today.slice(4)}`;
  if (value < limit)
    return `birth date is more than ${MAX_AGE_YEARS} years ago (probably a placeholder)`;
  return undefined;
}
