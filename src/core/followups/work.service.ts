import type { MyCallback, WorkSummary } from '../../shared/schemas/followups.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import { assertRole } from '../policy.js';
import { actorId, displayName, isCoordinator, teamIdsOf } from './access.js';

/**
 * The counts behind the navigation's badges and the "My work" page: my open tasks (and overdue
 * ones), my teams' tasks nobody took yet, my recurring calls due, and — for coordinators — the
 * escalations nobody acknowledged yet. Counts only: no patron data, so not audited.
 */
export async function getWorkSummary(ctx: Ctx): Promise<WorkSummary> {
  assertRole(ctx, 'admin', 'coordinator', 'caller', 'viewer');
  const empty = {
    myTasks: 0,
    myOverdueTasks: 0,
    teamTasks: 0,
    recurringDue: 0,
    escalationsWaiting: 0,
    urgentWaiting: 0,
  };
  if (ctx.actor?.role === 'viewer') return empty;
  const me = actorId(ctx);
  const now = ctx.now().toISOString();
  const active = ['open', 'in_progress'] as const;
  const mine = await ctx.db
    .selectFrom('tasks')
    .select((eb) => [
      eb.fn.countAll<number>().as('open'),
      eb.fn.countAll<number>().filterWhere('due_at', '<', now).as('overdue'),
    ])
    .where('owner_id', '=', me)
    .where('status', 'in', active)
    .executeTakeFirstOrThrow();
  const teams = await teamIdsOf(ctx.db, me);
  const team =
    teams.length === 0
      ? { n: 0 }
      : await ctx.db
          .selectFrom('tasks')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('team_id', 'in', teams)
          .where('owner_id', 'is', null)
          .where('status', 'in', active)
          .executeTakeFirstOrThrow();
  const recurring = await ctx.db
    .selectFrom('recurring_calls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('caller_id', '=', me)
    .where('status', '=', 'active')
    .where('next_call_at', '<=', now)
    .executeTakeFirstOrThrow();
  const summary = {
    ...empty,
    myTasks: mine.open,
    myOverdueTasks: mine.overdue,
    teamTasks: team.n,
    recurringDue: recurring.n,
  };
  if (!isCoordinator(ctx)) return summary;
  const waiting = await ctx.db
    .selectFrom('escalations')
    .select((eb) => [
      eb.fn.countAll<number>().as('all'),
      eb.fn.countAll<number>().filterWhere('level', '=', 'urgent').as('urgent'),
    ])
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return {
    ...summary,
    escalationsWaiting: waiting.all,
    urgentWaiting: waiting.urgent,
  };
}

/**
 * The callbacks booked for me (those I promised, and my recurring friendly calls) on campaigns
 * that are running, soonest first: the caller takes them from the calling page, where due ones
 * come first. Names only, as on the calling screen's history; audited.
 */
export async function listMyCallbacks(ctx: Ctx): Promise<MyCallback[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const now = ctx.now().toISOString();
  const rows = await ctx.db
    .selectFrom('call_list')
    .innerJoin('patrons', 'patrons.id', 'call_list.patron_id')
    .innerJoin('campaigns', 'campaigns.id', 'call_list.campaign_id')
    .leftJoin('recurring_calls', (join) =>
      join
        .onRef('recurring_calls.campaign_id', '=', 'call_list.campaign_id')
        .onRef('recurring_calls.patron_id', '=', 'call_list.patron_id')
        .on('recurring_calls.status', '=', 'active'),
    )
    .select([
      'call_list.id',
      'call_list.campaign_id',
      'call_list.patron_id',
      'call_list.callback_at',
      'campaigns.name as campaign_name',
      'patrons.first_name',
      'patrons.last_name',
      'patrons.preferred_name',
      'recurring_calls.id as recurring_id',
    ])
    .where('call_list.callback_for', '=', actorId(ctx))
    .where('call_list.state', '=', 'waiting')
    .where('call_list.callback_at', 'is not', null)
    .where('campaigns.status', 'in', ['active', 'paused'])
    .orderBy('call_list.callback_at')
    .limit(200)
    .execute();
  if (rows.length > 0)
    await recordAudit(ctx, {
      action: 'callback.list',
      objectType: 'call_list',
      details: { patrons: rows.map((r) => r.patron_id) },
    });
  return rows.map((r) => ({
    callListId: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    patronName: displayName(r),
    at: r.callback_at ?? '',
    due: (r.callback_at ?? '') <= now,
    recurring: r.recurring_id !== null,
  }));
}
