import type { RecurringCallRow, RecurringFrequency } from '../../db/database.js';
import { OUTCOME_FLAGS, type Outcome } from '../../shared/schemas/calls.js';
import type { Ctx } from '../context.js';
import { getLibrarySettings } from '../library/library.service.js';
import { utcOffsetMinutes } from '../results/figures.js';
import { raiseEscalation } from './escalations.service.js';

/**
 * The schedule of recurring friendly calls: when the next call is (the same local time one period
 * later), putting it on the campaign's call list as a callback for the preferred caller, what a
 * call does to the schedule (next call, missed in a row, the end of it), and opening late calls to
 * any caller.
 */

/** A call this late is offered to any of the campaign's callers, not only the preferred one. */
export const PREFERRED_CALLER_GRACE_MS = 24 * 3600_000;

/** Outcomes that end the enrolment: the line is wrong, or the patron must not be called. */
const ENDING: ReadonlySet<Outcome> = new Set([
  'do_not_call',
  'deceased',
  'wrong_number',
  'not_in_service',
]);

/** The same local time one period later, in the zone (a DST change keeps the wall-clock time). */
export function nextOccurrence(at: Date, frequency: RecurringFrequency, timeZone: string): Date {
  const offset = utcOffsetMinutes(at, timeZone);
  const local = new Date(at.getTime() + offset * 60_000);
  if (frequency === 'monthly') {
    const day = local.getUTCDate();
    local.setUTCDate(1);
    local.setUTCMonth(local.getUTCMonth() + 1);
    const last = new Date(
      Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0),
    ).getUTCDate();
    local.setUTCDate(Math.min(day, last));
  } else {
    local.setUTCDate(local.getUTCDate() + (frequency === 'weekly' ? 7 : 14));
  }
  const guess = local.getTime() - offset * 60_000;
  return new Date(local.getTime() - utcOffsetMinutes(guess, timeZone) * 60_000);
}

/** The first occurrence after `now`, counting on from `from`. */
export function firstOccurrenceAfter(
  from: Date,
  now: Date,
  frequency: RecurringFrequency,
  timeZone: string,
): Date {
  let next = nextOccurrence(from, frequency, timeZone);
  while (next.getTime() <= now.getTime()) next = nextOccurrence(next, frequency, timeZone);
  return next;
}
/** Puts the enrolment's next call on the campaign's call list as a callback, or takes it off. */
export async function placeOnCallList(
  ctx: Ctx,
  e: Pick<RecurringCallRow, 'patron_id' | 'campaign_id' | 'caller_id' | 'next_call_at'>,
  live: boolean,
): Promise<void> {
  const now = ctx.now().toISOString();
  const existing = await ctx.db
    .selectFrom('call_list')
    .select('id')
    .where('campaign_id', '=', e.campaign_id)
    .where('patron_id', '=', e.patron_id)
    .executeTakeFirst();
  const state = live
    ? {
        state: 'waiting',
        callback_at: e.next_call_at,
        callback_for: e.caller_id,
        next_attempt_at: null,
        attempts: 0,
        done_at: null,
      }
    : { state: 'done', callback_at: null, callback_for: null, done_at: now };
  if (existing) {
    await ctx.db.updateTable('call_list').set(state).where('id', '=', existing.id).execute();
    return;
  }
  if (!live) return;
  const patron = await ctx.db
    .selectFrom('patrons')
    .select(['household_id'])
    .where('id', '=', e.patron_id)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('call_list')
    .values({
      campaign_id: e.campaign_id,
      patron_id: e.patron_id,
      household_id: patron.household_id,
      priority: 0,
      added_at: now,
      ...state,
    })
    .execute();
}
/**
 * After a call is recorded on a campaign where the patron has recurring calls: schedules the next
 * one (or ends them when the line is wrong or the patron must not be called), counts missed calls
 * and raises a wellbeing escalation when the library's limit is reached. A call made before the
 * scheduled one (such as the call that enrolled the patron) changes nothing. Runs inside the
 * outcome's transaction, after the call list row was moved on.
 */
export async function afterRecurringCall(
  tx: Ctx,
  call: {
    campaignId: number;
    patronId: number;
    attemptId: number | null;
    outcome: Outcome;
    timeZone: string;
  },
): Promise<void> {
  const e = await tx.db
    .selectFrom('recurring_calls')
    .selectAll()
    .where('campaign_id', '=', call.campaignId)
    .where('patron_id', '=', call.patronId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!e) return;
  const now = tx.now();
  if (ENDING.has(call.outcome)) {
    await tx.db
      .updateTable('recurring_calls')
      .set({ status: 'ended', ended_reason: call.outcome, updated_at: now.toISOString() })
      .where('id', '=', e.id)
      .execute();
    return;
  }
  // A callback the patron asked for stands; the schedule resumes after it.
  if (call.outcome === 'callback') return;
  let next = e.next_call_at;
  let missed = e.missed_in_row;
  if (next <= now.toISOString()) {
    missed = OUTCOME_FLAGS[call.outcome].contact ? 0 : missed + 1;
    next = firstOccurrenceAfter(new Date(next), now, e.frequency, call.timeZone).toISOString();
    const { missedCallsBeforeEscalation } = await getLibrarySettings(tx.db);
    if (missed === missedCallsBeforeEscalation)
      await raiseEscalation(tx, {
        patronId: call.patronId,
        campaignId: call.campaignId,
        attemptId: call.attemptId,
        level: 'practical_help',
        source: 'missed_calls',
        note: `${missed} recurring calls in a row were not answered.`,
      });
  }
  await tx.db
    .updateTable('recurring_calls')
    .set({ next_call_at: next, missed_in_row: missed, updated_at: now.toISOString() })
    .where('id', '=', e.id)
    .execute();
  await placeOnCallList(tx, { ...e, next_call_at: next }, true);
}

/** Ends every live enrolment of a patron who must not be called any more (do-not-call, deceased). */
export async function endRecurringCallsOf(
  ctx: Ctx,
  patronId: number,
  reason: 'do_not_call' | 'deceased',
): Promise<void> {
  await ctx.db
    .updateTable('recurring_calls')
    .set({ status: 'ended', ended_reason: reason, updated_at: ctx.now().toISOString() })
    .where('patron_id', '=', patronId)
    .where('status', '!=', 'ended')
    .execute();
}

/** Recurring calls a day late go to any of the campaign's callers. Returns how many were opened up. */
export async function openLateRecurringCalls(ctx: Ctx): Promise<number> {
  const late = new Date(ctx.now().getTime() - PREFERRED_CALLER_GRACE_MS).toISOString();
  const rows = await ctx.db
    .selectFrom('recurring_calls')
    .select(['campaign_id', 'patron_id', 'caller_id'])
    .where('status', '=', 'active')
    .where('caller_id', 'is not', null)
    .where('next_call_at', '<=', late)
    .execute();
  let opened = 0;
  for (const r of rows) {
    const result = await ctx.db
      .updateTable('call_list')
      .set({ callback_for: null })
      .where('campaign_id', '=', r.campaign_id)
      .where('patron_id', '=', r.patron_id)
      .where('state', '=', 'waiting')
      .where('callback_for', '=', r.caller_id)
      .executeTakeFirst();
    opened += Number(result.numUpdatedRows);
  }
  return opened;
}
