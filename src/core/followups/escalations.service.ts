import { sql } from 'kysely';
import type { EscalationLevel } from '../../db/database.js';
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
import { AppError, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { followUpPatron, isCoordinator } from './access.js';
import {
  addAction,
  escalationsQuery,
  findEscalation,
  presentSummary,
  type EscalationListRow,
} from './escalations.repository.js';
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
