import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { OutboxTable } from '../../db/database.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { escapeHtml, oneLine } from '../email/templates/render.js';
import { getLibrarySettings } from '../library/library.service.js';
import { displayName } from './access.js';
import { addAction, findEscalation } from './escalations.repository.js';

/**
 * Telling staff about escalations (the follow-ups job's `notifyEscalations`), and the e-mails
 * about an urgent wellbeing concern: in the staff member's language, with what
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

async function recipients(
  ctx: Ctx,
  roles: Array<'coordinator' | 'admin'>,
): Promise<StaffRecipient[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'language'])
    .where('role', 'in', roles)
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows;
}

/**
 * Tells coordinators about new escalations (in the app: they appear in the queue and the
 * navigation's badge; by e-mail when urgent) and tells them again, with the admins, about urgent
 * ones nobody acknowledged in time. Safe to run from several servers at once: each notice is
 * claimed by moving its counter, and its e-mails have dedupe keys. Returns how many were notified.
 */
export async function notifyEscalations(ctx: Ctx, publicUrl: string): Promise<number> {
  const settings = await getLibrarySettings(ctx.db);
  const now = ctx.now();
  const lateBefore = new Date(now.getTime() - settings.urgentAcknowledgeMinutes * 60_000);
  const due = await ctx.db
    .selectFrom('escalations')
    .select(['id', 'notifications'])
    .where('status', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('notified_at', 'is', null),
        eb.and([eb('level', '=', 'urgent'), eb('notified_at', '<=', lateBefore.toISOString())]),
      ]),
    )
    .orderBy('id')
    .limit(100)
    .execute();
  let notified = 0;
  for (const { id, notifications } of due) {
    const done = await inTransaction(ctx, async (tx) => {
      const at = tx.now().toISOString();
      const moved = await tx.db
        .updateTable('escalations')
        .set({ notified_at: at, notifications: notifications + 1 })
        .where('id', '=', id)
        .where('notifications', '=', notifications)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return false;
      const row = await findEscalation({ ...tx, actor: null }, id);
      const notice = notifications + 1;
      let mailed = 0;
      if (row.level === 'urgent') {
        const to = await recipients(tx, notice > 1 ? ['coordinator', 'admin'] : ['coordinator']);
        // No coordinator yet: the admins are the ones who can act.
        const list = to.length > 0 ? to : await recipients(tx, ['admin']);
        const rows = list.map((r) =>
          concernNoticeRow(
            tx,
            publicUrl,
            {
              escalationId: id,
              notice,
              patronName: displayName(row),
              campaignName: row.campaign_name,
              raisedBy: row.raised_by_name,
              raisedAt: row.raised_at,
              note: row.note,
              source: row.source,
            },
            r,
          ),
        );
        if (rows.length > 0) {
          const inserted = await tx.db
            .insertInto('outbox')
            .values(rows)
            .onConflict((oc) => oc.column('dedupe_key').doNothing())
            .returning('id')
            .execute();
          mailed = inserted.length;
        }
      }
      await addAction(
        { ...tx, actor: null },
        id,
        'notified',
        mailed > 0 ? `e-mail:${mailed}` : 'app',
        at,
      );
      await recordAudit(
        { ...tx, actor: null },
        {
          action: notice > 1 ? 'escalation.renotify' : 'escalation.notify',
          objectType: 'escalation',
          objectId: id,
          details: { emails: mailed },
        },
      );
      return true;
    });
    if (done) notified++;
  }
  return notified;
}
