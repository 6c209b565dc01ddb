import { sql } from 'kysely';
import type { EscalationLevel, EscalationRow } from '../../db/database.js';
import {
  closeEscalationInput,
  escalationNoteInput,
  listEscalationsQuery,
  type Escalation,
  type EscalationSummary,
  type ListEscalationsQuery,
} from '../../shared/schemas/followups.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole } from '../policy.js';
import { actorId, displayName, followUpPatron, isCoordinator } from './access.js';
import { concernNoticeRow, type StaffRecipient } from './notifications.js';
import { presentReferrals } from './referrals.service.js';

/**
 * Wellbeing escalations: a concern recorded on a call (or recurring calls missed several times in
 * a row) goes to the coordinators at once — in the app, and by e-mail when it is urgent. A
 * coordinator acknowledges it, records what was done, refers the patron, and closes it. An urgent
 * concern nobody acknowledges within the library's time is notified again, to admins as well.
 */

/** Records a new escalation (inside the caller's transaction); the notifier tells coordinators. */
export async function raiseEscalation(
  ctx: Ctx,
  e: {
    patronId: number;
    campaignId: number | null;
    attemptId: number | null;
    level: EscalationLevel;
    source: 'call' | 'missed_calls';
    note: string;
  },
): Promise<number> {
  const row = await ctx.db
    .insertInto('escalations')
    .values({
      patron_id: e.patronId,
      campaign_id: e.campaignId,
      attempt_id: e.attemptId,
      level: e.level,
      source: e.source,
      note: e.note,
      raised_by: ctx.actor?.id ?? null,
      raised_at: ctx.now().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(ctx, {
    action: 'escalation.raise',
    objectType: 'escalation',
    objectId: row.id,
    details: { patronId: e.patronId, level: e.level, source: e.source },
  });
  return row.id;
}

function escalationsQuery(ctx: Ctx) {
  let query = ctx.db
    .selectFrom('escalations')
    .innerJoin('patrons', 'patrons.id', 'escalations.patron_id')
    .leftJoin('campaigns', 'campaigns.id', 'escalations.campaign_id')
    .leftJoin('users as raisers', 'raisers.id', 'escalations.raised_by')
    .leftJoin('users as ackers', 'ackers.id', 'escalations.acknowledged_by')
    .selectAll('escalations')
    .select([
      'patrons.first_name',
      'patrons.last_name',
      'patrons.preferred_name',
      'campaigns.name as campaign_name',
      'raisers.name as raised_by_name',
      'ackers.name as acknowledged_by_name',
    ]);
  // A caller sees only the concerns they raised themselves.
  if (!isCoordinator(ctx)) query = query.where('escalations.raised_by', '=', actorId(ctx));
  return query;
}

type EscalationListRow = EscalationRow & {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  campaign_name: string | null;
  raised_by_name: string | null;
  acknowledged_by_name: string | null;
};

function presentSummary(row: EscalationListRow): EscalationSummary {
  return {
    id: row.id,
    level: row.level,
    source: row.source,
    status: row.status,
    patronId: row.patron_id,
    patronName: displayName(row),
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    raisedBy: row.raised_by_name,
    raisedAt: row.raised_at,
    notifications: row.notifications,
    acknowledgedBy: row.acknowledged_by_name,
    acknowledgedAt: row.acknowledged_at,
    closedAt: row.closed_at,
  };
}

/**
 * The escalations queue: waiting ones first (urgent first, then oldest), then acknowledged ones;
 * coordinators see all, a caller the ones they raised. Audited.
 */
export async function listEscalations(
  ctx: Ctx,
  raw: ListEscalationsQuery = {},
): Promise<EscalationSummary[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const q = parseInput(listEscalationsQuery, raw);
  let query = escalationsQuery(ctx);
  if (q.status === 'active') query = query.where('escalations.status', '!=', 'closed');
  if (q.status === 'closed') query = query.where('escalations.status', '=', 'closed');
  if (q.campaignId !== undefined) query = query.where('escalations.campaign_id', '=', q.campaignId);
  // Waiting ones first, urgent first, oldest first — in SQL, so the limit keeps the most pressing.
  if (q.status !== 'closed')
    query = query
      .orderBy(sql`case when ${sql.ref('escalations.status')} = 'open' then 0 else 1 end`)
      .orderBy(
        sql`case ${sql.ref('escalations.level')} when 'urgent' then 0 when 'practical_help' then 1 else 2 end`,
      );
  const rows = await query
    .orderBy('escalations.raised_at', q.status === 'closed' ? 'desc' : 'asc')
    .orderBy('escalations.id')
    .limit(q.limit)
    .execute();
  if (rows.length > 0)
    await recordAudit(ctx, {
      action: 'escalation.list',
      objectType: 'escalation',
      details: { escalations: rows.map((r) => r.id) },
    });
  return rows.map(presentSummary);
}

async function findEscalation(ctx: Ctx, id: number): Promise<EscalationListRow> {
  const row = await escalationsQuery(ctx).where('escalations.id', '=', id).executeTakeFirst();
  if (row) return row;
  const exists = await ctx.db
    .selectFrom('escalations')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (exists) throw new AppError('FORBIDDEN', 'Only coordinators and the caller who raised it');
  throw notFound('Escalation', id);
}

async function presentEscalation(ctx: Ctx, row: EscalationListRow): Promise<Escalation> {
  const actions = await ctx.db
    .selectFrom('escalation_actions')
    .leftJoin('users', 'users.id', 'escalation_actions.author_id')
    .select([
      'escalation_actions.id',
      'escalation_actions.kind',
      'escalation_actions.text',
      'escalation_actions.at',
      'users.name',
    ])
    .where('escalation_id', '=', row.id)
    .orderBy('escalation_actions.at')
    .orderBy('escalation_actions.id')
    .execute();
  const referrals = await ctx.db
    .selectFrom('referrals')
    .select('id')
    .where('escalation_id', '=', row.id)
    .execute();
  return {
    ...presentSummary(row),
    note: row.note,
    resolution: row.resolution,
    // A caller reads a patron's numbers and addresses only while on their call (TRUST PR-5).
    patron: await followUpPatron(ctx.db, row.patron_id, { contact: isCoordinator(ctx) }),
    actions: actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      author: a.name,
      text: a.text,
      at: a.at,
    })),
    referrals: await presentReferrals(
      ctx,
      referrals.map((r) => r.id),
    ),
    purgedAt: row.purged_at,
  };
}

/** One escalation with what the caller wrote, the actions and referrals. Audited. @throws NOT_FOUND, FORBIDDEN */
export async function getEscalation(ctx: Ctx, id: number): Promise<Escalation> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const row = await findEscalation(ctx, id);
  const escalation = await presentEscalation(ctx, row);
  await recordAudit(ctx, {
    action: 'escalation.view',
    objectType: 'escalation',
    objectId: id,
    details: { patronId: row.patron_id },
  });
  return escalation;
}

async function act(
  ctx: Ctx,
  id: number,
  audit: string,
  change: (tx: Ctx, row: EscalationListRow, now: string) => Promise<void>,
): Promise<Escalation> {
  assertRole(ctx, 'admin', 'coordinator');
  await inTransaction(ctx, async (tx) => {
    const row = await findEscalation(tx, id);
    const now = tx.now().toISOString();
    await change(tx, row, now);
    await recordAudit(tx, {
      action: audit,
      objectType: 'escalation',
      objectId: id,
      details: { patronId: row.patron_id },
    });
  });
  return presentEscalation(ctx, await findEscalation(ctx, id));
}

async function addAction(
  tx: Ctx,
  id: number,
  kind: 'acknowledged' | 'action' | 'referred' | 'reopened' | 'closed' | 'notified',
  text: string,
  now: string,
): Promise<void> {
  await tx.db
    .insertInto('escalation_actions')
    .values({ escalation_id: id, author_id: tx.actor?.id ?? null, kind, text, at: now })
    .execute();
}

/** A coordinator takes the escalation on: re-notifying stops. @throws NOT_FOUND, CONFLICT (closed) */
export async function acknowledgeEscalation(
  ctx: Ctx,
  id: number,
  raw: unknown = {},
): Promise<Escalation> {
  const input = parseInput(escalationNoteInput, raw);
  return act(ctx, id, 'escalation.acknowledge', async (tx, row, now) => {
    if (row.status === 'closed') throw new AppError('CONFLICT', 'This escalation is closed');
    if (row.status === 'acknowledged')
      throw new AppError(
        'CONFLICT',
        `${row.acknowledged_by_name ?? 'Someone'} already acknowledged it`,
      );
    await tx.db
      .updateTable('escalations')
      .set({ status: 'acknowledged', acknowledged_by: tx.actor?.id ?? null, acknowledged_at: now })
      .where('id', '=', id)
      .execute();
    await addAction(tx, id, 'acknowledged', input.text, now);
  });
}

/** Records what was done (called the patron, spoke with family…). @throws NOT_FOUND, CONFLICT */
export async function addEscalationAction(ctx: Ctx, id: number, raw: unknown): Promise<Escalation> {
  const input = parseInput(escalationNoteInput, raw);
  if (input.text === '')
    throw new AppError('VALIDATION_FAILED', 'Say what was done', { field: 'text' });
  return act(ctx, id, 'escalation.action', async (tx, row, now) => {
    if (row.purged_at !== null)
      throw new AppError(
        'CONFLICT',
        'This escalation’s notes were removed under the retention rules',
      );
    await addAction(tx, id, 'action', input.text, now);
  });
}

/** Closes it with how it was resolved (acknowledging it if nobody had). @throws NOT_FOUND, CONFLICT */
export async function closeEscalation(ctx: Ctx, id: number, raw: unknown): Promise<Escalation> {
  const input = parseInput(closeEscalationInput, raw);
  return act(ctx, id, 'escalation.close', async (tx, row, now) => {
    if (row.status === 'closed')
      throw new AppError('CONFLICT', 'This escalation is already closed');
    await tx.db
      .updateTable('escalations')
      .set({
        status: 'closed',
        closed_by: tx.actor?.id ?? null,
        closed_at: now,
        resolution: input.resolution,
        acknowledged_by: row.acknowledged_by ?? tx.actor?.id ?? null,
        acknowledged_at: row.acknowledged_at ?? now,
      })
      .where('id', '=', id)
      .execute();
    await addAction(tx, id, 'closed', input.resolution, now);
  });
}

/** Opens a closed escalation again (the concern came back). @throws NOT_FOUND, CONFLICT */
export async function reopenEscalation(
  ctx: Ctx,
  id: number,
  raw: unknown = {},
): Promise<Escalation> {
  const input = parseInput(escalationNoteInput, raw);
  return act(ctx, id, 'escalation.reopen', async (tx, row, now) => {
    if (row.status !== 'closed') throw new AppError('CONFLICT', 'This escalation is not closed');
    if (row.purged_at !== null)
      throw new AppError(
        'CONFLICT',
        'This escalation’s notes were removed under the retention rules',
      );
    await tx.db
      .updateTable('escalations')
      .set({ status: 'acknowledged', closed_at: null, closed_by: null })
      .where('id', '=', id)
      .execute();
    await addAction(tx, id, 'reopened', input.text, now);
  });
}

/** Notes that a referral was made, on the escalation's timeline. */
export async function noteReferral(
  tx: Ctx,
  escalationId: number,
  serviceName: string,
): Promise<void> {
  await addAction(tx, escalationId, 'referred', serviceName, tx.now().toISOString());
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
