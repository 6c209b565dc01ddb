import type { Mailing, OutboxMessage } from '../../../../shared/schemas/email.js';

export function localeOf(language: string): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

export function formatCount(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

export function dateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** Compact, for table cells: "2030-05-01, 9:30 a.m." in English. */
export function shortDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(date);
}

/** A language code's name in the interface language, capitalised ("fr" → "French"). */
export function languageName(code: string, language: string): string {
  try {
    const name = new Intl.DisplayNames([localeOf(language)], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  } catch {
    return code;
  }
}

/** A language's name inside a sentence: English capitalises it ("English"), French does not. */
export function languageInText(code: string, language: string): string {
  const name = languageName(code, language);
  return language === 'fr' ? name.toLocaleLowerCase('fr') : name;
}

/**
 * An address as staff may read it aloud or see it in a confirmation: the first letter of the
 * mailbox, then dots, then the domain ("jeanne@example.org" → "j•••@example.org").
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  const first = Array.from(address.slice(0, at))[0] ?? '';
  return `${first}•••${address.slice(at)}`;
}

/** The badge colour of each message state. */
export const STATE_TONE: Record<OutboxMessage['state'], string> = {
  queued: 'badge badge--info',
  sending: 'badge badge--info',
  sent: 'badge badge--on',
  failed: 'badge badge--error',
  bounced: 'badge badge--error',
  cancelled: 'badge badge--off',
};

export const MAILING_TONE: Record<Mailing['status'], string> = {
  sending: 'badge badge--on',
  paused: 'badge badge--warning',
  done: 'badge badge--info',
  cancelled: 'badge badge--off',
};
