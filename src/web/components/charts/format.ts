/**
 * Numbers and days as the reader writes them, with Intl: French uses a space between thousands,
 * a decimal comma and a space before "%" ("12 345,6", "45 %"); English "12,345.6" and "45%".
 */

export function localeOf(language: string): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A ratio between 0 and 1 as a percentage, whole unless `digits` asks for more. */
export function formatPercent(ratio: number, language: string, digits = 0): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    maximumFractionDigits: digits,
  }).format(ratio);
}

/** A YYYY-MM-DD day as a UTC date (the day itself, never shifted by the reader's time zone). */
export function dayDate(day: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export type DayStyle = 'short' | 'long' | 'full';

const DAY_OPTIONS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  /** "Mar 10", "10 mars": axis labels. */
  short: { day: 'numeric', month: 'short' },
  /** "March 10", "10 mars". */
  long: { day: 'numeric', month: 'long' },
  /** "March 10, 2025", "10 mars 2025". */
  full: { day: 'numeric', month: 'long', year: 'numeric' },
};

export function formatDay(day: string, language: string, style: DayStyle = 'long'): string {
  const date = dayDate(day);
  if (!date) return day;
  return new Intl.DateTimeFormat(localeOf(language), {
    ...DAY_OPTIONS[style],
    timeZone: 'UTC',
  }).format(date);
}

/** "March 2–15, 2025", "2–15 mars 2025": the reader's way of writing a span of days. */
export function formatDayRange(from: string, to: string, language: string): string {
  const start = dayDate(from);
  const end = dayDate(to);
  if (!start || !end) return `${from} – ${to}`;
  const format = new Intl.DateTimeFormat(localeOf(language), {
    ...DAY_OPTIONS.full,
    timeZone: 'UTC',
  });
  return start.getTime() === end.getTime() ? format.format(start) : format.formatRange(start, end);
}

/** An instant as a date and time in the reader's own time zone ("March 10, 2025 at 2:30 p.m."). */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(date);
}

/** An instant's date in the reader's own time zone ("March 10, 2025"). */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long' }).format(date);
}
