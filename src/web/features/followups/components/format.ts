import type { TFunction } from 'i18next';
import { callLink, type CallScheme } from '../../../../shared/schemas/calls.js';
import type { TaskType } from '../../../../shared/schemas/followups.js';

export function localeOf(language: string): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

export function dateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function dateOnly(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium' }).format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a moment, as a date input holds it (YYYY-MM-DD). */
export function dateInputValue(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The local calendar day `days` after `from`, as a date input holds it. */
export function daysLater(from: Date, days: number): string {
  const date = new Date(from.getFullYear(), from.getMonth(), from.getDate() + days, 12);
  return dateInputValue(date);
}

/**
 * A day chosen in a date input as the moment something is due: the end of that day where the
 * staff member is, so a task due today is not overdue until the day is over. Undefined for text
 * that is not a real day.
 */
export function endOfDay(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const end = new Date(year, month - 1, date, 23, 59, 0, 0);
  if (end.getFullYear() !== year || end.getMonth() !== month - 1 || end.getDate() !== date)
    return undefined;
  return end.toISOString();
}

/** A directory number ("1-866-299-1011", "211") as a tel: link: spaces and letters left out. */
export function telHref(phone: string): string | undefined {
  const dialable = phone.replace(/[^\d+*#().-]/g, '');
  return /\d/.test(dialable) ? `tel:${dialable}` : undefined;
}

/** A patron's number as the server gives it ("+19055551234;ext=12"): number and extension. */
export function splitExtension(phone: string): { number: string; extension: string | null } {
  const [number = '', extension] = phone.split(';ext=');
  return { number, extension: extension ?? null };
}

/**
 * The link that dials a patron's number with the staff member's own softphone; a tel: link
 * carries the extension too (RFC 3966), other schemes only the number.
 */
export function patronCallHref(scheme: CallScheme, phone: string): string {
  const { number, extension } = splitExtension(phone);
  const link = callLink(scheme, number);
  return scheme === 'tel' && extension !== null ? `${link};ext=${extension}` : link;
}

/** Readable North American numbers (+1 905-555-1234); others as given. */
export function readablePhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (nanp) return `+1 ${nanp[1] ?? ''}-${nanp[2] ?? ''}-${nanp[3] ?? ''}`;
  return e164;
}

/**
 * A task's title in the interface language. Titles the server writes itself ("Help with …",
 * "Check the referral to … worked") are in English; they are said again in the reader's
 * language. A title a person typed is shown as typed.
 */
export function taskTitle(task: { type: TaskType; title: string }, t: TFunction): string {
  if (task.type === 'referral_check') {
    const match = /^Check the referral to (.+) worked$/.exec(task.title);
    if (match?.[1]) return t('tasks.titles.referralCheck', { service: match[1] });
  }
  if (task.type === 'service_help') {
    const match = /^Help with (.+)$/.exec(task.title);
    if (match?.[1]) return t('tasks.titles.serviceHelp', { service: match[1] });
  }
  return task.title === '' ? t(`tasks.type.${task.type}`) : task.title;
}

/** A task note in the interface language: the server's "E-mail sent to …" is said again. */
export function taskNoteText(text: string, t: TFunction): string {
  const match = /^E-mail sent to (.+)$/.exec(text);
  return match?.[1] ? t('tasks.notes.emailSent', { address: match[1] }) : text;
}

/**
 * What a "notified" line on an escalation's timeline means: the server writes "app" (told in the
 * app only) or "e-mail:N" (and N e-mails sent); after the first notice, it was told again because
 * nobody acknowledged it in time.
 */
export function notifiedText(text: string, again: boolean, t: TFunction): string {
  const mailed = /^e-mail:(\d+)$/.exec(text);
  const emails = mailed ? Number(mailed[1]) : 0;
  if (emails > 0)
    return again
      ? t('escalations.timeline.renotifiedByEmail', { count: emails })
      : t('escalations.timeline.notifiedByEmail', { count: emails });
  return again
    ? t('escalations.timeline.renotifiedInApp')
    : t('escalations.timeline.notifiedInApp');
}

/** Languages typed as a list ("English, French; Italian") → each one, trimmed, without repeats. */
export function languagesOf(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,;\n]/)) {
    const language = part.trim();
    if (language !== '') seen.add(language);
  }
  return [...seen];
}

/** A day and a time entered where the staff member is (YYYY-MM-DD, HH:MM), as an instant. */
export function firstCallAt(day: string, time: string): string | undefined {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const hm = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !hm) return undefined;
  const [year, month, date] = [Number(d[1]), Number(d[2]) - 1, Number(d[3])];
  const at = new Date(year, month, date, Number(hm[1]), Number(hm[2]));
  // 30 February is not a day (Date would roll it over into March).
  if (at.getFullYear() !== year || at.getMonth() !== month || at.getDate() !== date)
    return undefined;
  return at.toISOString();
}
