import type { CampaignSummary } from '../../../../shared/schemas/campaigns.js';

export function localeOf(language: string): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A YYYY-MM-DD day as the reader writes dates; the day itself, never shifted by time zone. */
export function formatDay(day: string, language: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (year === undefined || month === undefined || date === undefined) return day;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** The badge colour of each campaign status. */
export const STATUS_TONE: Record<CampaignSummary['status'], string> = {
  draft: 'badge badge--info',
  active: 'badge badge--on',
  paused: 'badge badge--warning',
  closed: 'badge badge--off',
};

/** A language code's name in the interface language ("it" → "Italian"). */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([localeOf(language)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
