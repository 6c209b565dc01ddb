/** Reading aids for patron details; the data itself is shown as the server sends it. */

export function localeOf(language: string): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

/**
 * An E.164 number grouped for reading: North American numbers as +1 416-555-0123, others with
 * the country code apart only when it is unambiguous, else unchanged.
 */
export function readablePhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `+1 ${nanp[1] ?? ''}-${nanp[2] ?? ''}-${nanp[3] ?? ''}`;
  return e164;
}

/** The language's name in the interface language ("fr" → "French" / "français"). */
export function languageName(code: string, uiLanguage: string): string {
  try {
    return new Intl.DisplayNames([localeOf(uiLanguage)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function dateTime(iso: string, uiLanguage: string): string {
  return new Intl.DateTimeFormat(localeOf(uiLanguage), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function count(value: number, uiLanguage: string): string {
  return new Intl.NumberFormat(localeOf(uiLanguage)).format(value);
}

export function fileSize(bytes: number, uiLanguage: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(localeOf(uiLanguage), {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
