import type { WorkSummary } from '../../shared/schemas/followups.js';
import type { Ctx } from '../context.js';
import { assertRole } from '../policy.js';
import { actorId, isCoordinator, teamIdsOf } from './access.js';

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
