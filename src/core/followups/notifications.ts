import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { OutboxTable } from '../../db/database.js';
import type { Ctx } from '../context.js';
import { escapeHtml, oneLine } from '../email/templates/render.js';

/**
 * E-mails to staff about an urgent wellbeing concern: in the staff member's language, with what
 * the caller wrote and a link to the escalation. They go through the outbox like every e-mail (so
 * they are retried and never lost, TRUST RB-5), as transactional `notification` messages tied to
 * no patron or campaign, so they are never counted in the results.
 */

export interface ConcernNotice {
  escalationId: number;
  /** 1 for the first notice; more: not acknowledged in time. */
  notice: number;
  patronName: string;
  campaignName: string | null;
  raisedBy: string | null;
  raisedAt: string;
  note: string;
  source: 'call' | 'missed_calls';
}

export interface StaffRecipient {
  id: number;
  name: string;
  email: string;
  language: string;
}

const TEXT = {
  en: {
    subject: (n: ConcernNotice) =>
      `${n.notice > 1 ? 'Reminder, not yet acknowledged: ' : ''}Urgent wellbeing concern raised${n.raisedBy === null ? '' : ` by ${n.raisedBy}`}`,
    intro: (n: ConcernNotice) =>
      n.source === 'missed_calls'
        ? 'Several recurring calls in a row were missed for a patron.'
        : 'A caller recorded an urgent wellbeing concern about a patron.',
    reminder: 'Nobody has acknowledged it yet.',
    patron: 'Patron',
    campaign: 'Campaign',
    raised: 'Raised',
    wrote: 'What the caller wrote',
    nothing: '(no note)',
    open: 'Open the escalation to acknowledge it and record what is done:',
    footer: 'You receive this because you coordinate care campaigns in Outreach Desk.',
  },
  fr: {
    subject: (n: ConcernNotice) =>
      `${n.notice > 1 ? 'Rappel, toujours sans prise en charge : ' : ''}Préoccupation urgente pour le bien-être${n.raisedBy === null ? '' : ` signalée par ${n.raisedBy}`}`,
    intro: (n: ConcernNotice) =>
      n.source === 'missed_calls'
        ? 'Plusieurs appels réguliers de suite ont été manqués pour un usager.'
        : 'Un appelant a signalé une préoccupation urgente pour le bien-être d’un usager.',
    reminder: 'Personne ne l’a encore prise en charge.',
    patron: 'Usager',
    campaign: 'Campagne',
    raised: 'Signalée le',
    wrote: 'Ce que l’appelant a écrit',
    nothing: '(aucune note)',
    open: 'Ouvrez le signalement pour le prendre en charge et noter ce qui est fait :',
    footer: 'Vous recevez ce message parce que vous coordonnez des campagnes dans Outreach Desk.',
  },
} as const;

/** The outbox row of one notice to one staff member; its dedupe key makes a second queueing a no-op. */
export function concernNoticeRow(
  ctx: Ctx,
  publicUrl: string,
  notice: ConcernNotice,
  to: StaffRecipient,
): Insertable<OutboxTable> {
  const language = to.language === 'fr' ? 'fr' : 'en';
  const t = TEXT[language];
  const link = `${publicUrl}/escalations/${notice.escalationId}`;
  const when = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(notice.raisedAt));
  const facts: Array<[string, string]> = [
    [t.patron, notice.patronName],
    ...(notice.campaignName === null
      ? []
      : [[t.campaign, notice.campaignName] as [string, string]]),
    [t.raised, when],
  ];
  const note = notice.note === '' ? t.nothing : notice.note;
  const lines = [
    t.intro(notice),
    ...(notice.notice > 1 ? [t.reminder] : []),
    '',
    ...facts.map(([k, v]) => `${k}: ${v}`),
    '',
    `${t.wrote}:`,
    note,
    '',
    t.open,
    link,
    '',
    t.footer,
  ];
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(oneLine(t.subject(notice)))}</title></head><body>`,
    `<p>${escapeHtml(t.intro(notice))}${notice.notice > 1 ? ` <strong>${escapeHtml(t.reminder)}</strong>` : ''}</p>`,
    `<dl>${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
    `<h2>${escapeHtml(t.wrote)}</h2><p>${escapeHtml(note).replace(/\r?\n/g, '<br>')}</p>`,
    `<p>${escapeHtml(t.open)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<p><small>${escapeHtml(t.footer)}</small></p></body></html>`,
  ].join('\n');
  const now = ctx.now().toISOString();
  const messageId = `<${randomUUID()}@${new URL(publicUrl).hostname || 'localhost'}>`;
  return {
    message_id: messageId,
    kind: 'notification',
    dedupe_key: `escalation:${notice.escalationId}:${notice.notice}:${to.id}`,
    campaign_id: null,
    mailing_id: null,
    patron_id: null,
    template_id: null,
    to_address: to.email,
    language,
    class: 'transactional',
    subject: oneLine(t.subject(notice)),
    html,
    text: lines.join('\n'),
    headers: JSON.stringify([['X-Outreach-Message-Id', messageId]]),
    unsubscribe_token: null,
    state: 'queued',
    next_try_at: now,
    queued_by: null,
    created_at: now,
    updated_at: now,
  };
}
