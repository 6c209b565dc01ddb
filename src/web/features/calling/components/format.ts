import type { CallCard } from '../../../../shared/schemas/calls.js';

type CallPatron = CallCard['patrons'][number];

export function localeOf(language: string): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

/** The name the patron goes by first, then the family name. */
export function displayName(patron: CallPatron): string {
  return `${patron.preferredName ?? patron.firstName} ${patron.lastName}`;
}

/** North American numbers as +1 416-555-0123, for reading aloud and dialling by hand. */
export function readablePhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `+1 ${nanp[1] ?? ''}-${nanp[2] ?? ''}-${nanp[3] ?? ''}`;
  return e164;
}

export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([localeOf(uiLanguage)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function dateTime(iso: string, uiLanguage: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(localeOf(uiLanguage), {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).format(new Date(iso));
}

export function time(iso: string, uiLanguage: string): string {
  return new Intl.DateTimeFormat(localeOf(uiLanguage), { timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** 75 → "1:15"; 3725 → "1:02:05". */
export function clock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

export function count(value: number, uiLanguage: string): string {
  return new Intl.NumberFormat(localeOf(uiLanguage)).format(value);
}
