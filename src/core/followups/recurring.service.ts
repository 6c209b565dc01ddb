import type { RecurringCallRow } from '../../db/database.js';
import {
  enrolRecurringCallsInput,
  listRecurringCallsQuery,
  updateRecurringCallsInput,
  type EnrolRecurringCallsInput,
  type RecurringCalls,
  type UpdateRecurringCallsInput,
} from '../../shared/schemas/followups.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole } from '../policy.js';
import { actorId, assertPatronProof, displayName, isCoordinator } from './access.js';
import { firstOccurrenceAfter, placeOnCallList } from './recurring-schedule.js';

/**
 * Recurring friendly calls: a patron who would like regular calls is enrolled weekly, fortnightly
 * or monthly in a running campaign (such as a standing "Friendly calls" one), preferably with the
 * same caller. Each call is a callback on that campaign's call list, due at the next occurrence and
 * meant for the preferred caller — anyone may take it once it is a day late. After each call the
 * next one is scheduled; missing several in a row raises a wellbeing escalation.
 */

async function liveEnrolment(ctx: Ctx, patronId: number) {
  return ctx.db
    .selectFrom('recurring_calls')
    .selectAll()
    .where('patron_id', '=', patronId)
    .where('status', '!=', 'ended')
    .executeTakeFirst();
}

async function assertCampaign(ctx: Ctx, campaignId: number) {
  const campaign = await ctx.db
    .selectFrom('campaigns')
    .select(['id', 'status', 'channel'])
    .where('id', '=', campaignId)
    .executeTakeFirst();
  if (!campaign) throw notFound('Campaign', campaignId);
  if (
    (campaign.status !== 'active' && campaign.status !== 'paused') ||
    campaign.channel === 'email'
  )
    throw new AppError('UNPROCESSABLE', 'Recurring calls need a running phone campaign', {
      field: 'campaignId',
    });
  return campaign;
}

async function assertCaller(ctx: Ctx, callerId: number | null): Promise<void> {
  if (callerId === null) return;
  const user = await ctx.db
    .selectFrom('users')
    .select(['role', 'disabled_at'])
    .where('id', '=', callerId)
    .executeTakeFirst();
  if (!user || user.disabled_at !== null || user.role === 'viewer')
    throw new AppError('UNPROCESSABLE', 'Choose an active staff member who calls', {
      field: 'callerId',
    });
  if (!isCoordinator(ctx) && callerId !== actorId(ctx))
    throw new AppError('FORBIDDEN', 'Only coordinators give recurring calls to someone else', {
      field: 'callerId',
    });
}

/**
 * Enrols a patron in recurring calls. A coordinator enrols anyone; a caller the patron of their
 * call (or task). One live enrolment per patron. Audited.
 * @throws CONFLICT (already enrolled), UNPROCESSABLE (campaign, caller, patron not callable), FORBIDDEN
 */
export async function enrolRecurringCalls(
  ctx: Ctx,
  raw: EnrolRecurringCallsInput,
): Promise<RecurringCalls> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(enrolRecurringCallsInput, raw);
  const id = await inTransaction(ctx, async (tx) => {
    await assertPatronProof(tx, input.patronId, input.proof);
    await assertCampaign(tx, input.campaignId);
    const callerId = input.callerId === undefined ? (tx.actor?.id ?? null) : input.callerId;
    await assertCaller(tx, callerId);
    if (await liveEnrolment(tx, input.patronId))
      throw new AppError('CONFLICT', 'This patron already has recurring calls', {
        field: 'patronId',
      });
    const patron = await tx.db
      .selectFrom('patrons')
      .select(['do_not_call_at', 'deceased_at', 'primary_phone'])
      .where('id', '=', input.patronId)
      .executeTakeFirst();
    if (!patron) throw notFound('Patron', input.patronId);
    if (
      patron.do_not_call_at !== null ||
      patron.deceased_at !== null ||
      patron.primary_phone === null
    )
      throw new AppError('UNPROCESSABLE', 'This patron cannot be called', { field: 'patronId' });
    if (input.firstCallAt <= tx.now().toISOString())
      throw new AppError('VALIDATION_FAILED', 'The first call must be in the future', {
        field: 'firstCallAt',
      });
    const now = tx.now().toISOString();
    const row = await tx.db
      .insertInto('recurring_calls')
      .values({
        patron_id: input.patronId,
        campaign_id: input.campaignId,
        frequency: input.frequency,
        caller_id: callerId,
        next_call_at: input.firstCallAt,
        created_by: tx.actor?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await placeOnCallList(tx, row, true);
    await recordAudit(tx, {
      action: 'recurring.enrol',
      objectType: 'patron',
      objectId: input.patronId,
      details: {
        recurringId: row.id,
        frequency: input.frequency,
        callerId,
        campaignId: input.campaignId,
      },
    });
    return row.id;
  });
  return findRecurring(ctx, id);
}

function recurringQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('recurring_calls')
    .innerJoin('patrons', 'patrons.id', 'recurring_calls.patron_id')
    .innerJoin('campaigns', 'campaigns.id', 'recurring_calls.campaign_id')
    .leftJoin('users', 'users.id', 'recurring_calls.caller_id')
    .selectAll('recurring_calls')
    .select([
      'patrons.first_name',
      'patrons.last_name',
      'patrons.preferred_name',
      'campaigns.name as campaign_name',
      'campaigns.status as campaign_status',
      'users.name as caller_name',
    ]);
}

type RecurringListRow = RecurringCallRow & {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  campaign_name: string;
  campaign_status: string;
  caller_name: string | null;
};

function present(row: RecurringListRow): RecurringCalls {
  return {
    id: row.id,
    patronId: row.patron_id,
    patronName: displayName(row),
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    campaignActive: row.campaign_status === 'active',
    frequency: row.frequency,
    caller: row.caller_id === null ? null : { id: row.caller_id, name: row.caller_name ?? '' },
    nextCallAt: row.next_call_at,
    missedInRow: row.missed_in_row,
    status: row.status,
    endedReason: row.ended_reason,
  };
}

async function findRecurring(ctx: Ctx, id: number): Promise<RecurringCalls> {
  const row = await recurringQuery(ctx).where('recurring_calls.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Recurring calls', id);
  if (!isCoordinator(ctx) && row.caller_id !== actorId(ctx) && row.created_by !== actorId(ctx))
    throw new AppError('FORBIDDEN', 'These recurring calls are someone else’s');
  return present(row);
}

/** My recurring calls (the preferred caller), or everyone's for coordinators; soonest first. Audited. */
export async function listRecurringCalls(ctx: Ctx, raw: unknown = {}): Promise<RecurringCalls[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const q = parseInput(listRecurringCallsQuery, raw);
  let query = recurringQuery(ctx);
  // Mine: the calls meant for me, and those I enrolled for anyone to make.
  if (q.scope === 'mine' || !isCoordinator(ctx))
    query = query.where((eb) =>
      eb.or([
        eb('recurring_calls.caller_id', '=', actorId(ctx)),
        eb.and([
          eb('recurring_calls.caller_id', 'is', null),
          eb('recurring_calls.created_by', '=', actorId(ctx)),
        ]),
      ]),
    );
  if (q.status !== 'any') query = query.where('recurring_calls.status', '=', q.status);
  const rows = await query
    .orderBy('recurring_calls.next_call_at')
    .orderBy('recurring_calls.id')
    .limit(500)
    .execute();
  if (rows.length > 0)
    await recordAudit(ctx, {
      action: 'recurring.list',
      objectType: 'recurring_calls',
      details: { patrons: rows.map((r) => r.patron_id) },
    });
  return rows.map(present);
}

/**
 * Pauses, resumes or ends recurring calls, or changes how often, who calls, the campaign or the
 * next call. The preferred caller may change their own; coordinators any. Audited.
 * @throws NOT_FOUND, FORBIDDEN, CONFLICT (ended), UNPROCESSABLE
 */
export async function updateRecurringCalls(
  ctx: Ctx,
  id: number,
  raw: UpdateRecurringCallsInput,
): Promise<RecurringCalls> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(updateRecurringCallsInput, raw);
  await inTransaction(ctx, async (tx) => {
    await findRecurring(tx, id);
    const row = await tx.db
      .selectFrom('recurring_calls')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (row.status === 'ended') throw new AppError('CONFLICT', 'These recurring calls have ended');
    if (input.campaignId !== undefined) await assertCampaign(tx, input.campaignId);
    if (input.callerId !== undefined) await assertCaller(tx, input.callerId);
    const now = tx.now();
    let next = input.nextCallAt ?? row.next_call_at;
    if (input.nextCallAt !== undefined && input.nextCallAt <= now.toISOString())
      throw new AppError('VALIDATION_FAILED', 'The next call must be in the future', {
        field: 'nextCallAt',
      });
    // Resuming after a pause: the next occurrence from the old schedule that is still ahead.
    if (row.status === 'paused' && input.status === 'active' && input.nextCallAt === undefined) {
      const zone = (await getLibrarySettings(tx.db)).timeZone;
      if (next <= now.toISOString())
        next = firstOccurrenceAfter(
          new Date(next),
          now,
          input.frequency ?? row.frequency,
          zone,
        ).toISOString();
    }
    const updated = {
      ...row,
      status: input.status ?? row.status,
      frequency: input.frequency ?? row.frequency,
      caller_id: input.callerId === undefined ? row.caller_id : input.callerId,
      campaign_id: input.campaignId ?? row.campaign_id,
      next_call_at: next,
    };
    if (updated.campaign_id !== row.campaign_id) await placeOnCallList(tx, row, false);
    await placeOnCallList(tx, updated, updated.status === 'active');
    await tx.db
      .updateTable('recurring_calls')
      .set({
        status: updated.status,
        frequency: updated.frequency,
        caller_id: updated.caller_id,
        campaign_id: updated.campaign_id,
        next_call_at: updated.next_call_at,
        ended_reason: updated.status === 'ended' ? 'stopped' : null,
        ...(updated.status === 'active' && row.status !== 'active' ? { missed_in_row: 0 } : {}),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'recurring.update',
      objectType: 'patron',
      objectId: row.patron_id,
      details: { recurringId: id, ...input },
    });
  });
  // Answered as it now stands, even when handed to anyone and no longer this caller's.
  return findRecurring({ ...ctx, actor: null }, id);
}
