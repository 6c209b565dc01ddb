import type { Insertable } from 'kysely';
import type { Db, TaskRow, TasksTable } from '../../db/database.js';
import type { Task, TaskSummary } from '../../shared/schemas/followups.js';
import type { Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import {
  actorId,
  displayName,
  followUpPatron,
  isCoordinator,
  staffNames,
  teamIdsOf,
} from './access.js';

/**
 * Reading and writing tasks for the use cases: a new task with the library's due time, the tasks
 * a reader may see (owner, team member, the one who raised it; coordinators all), and a task as
 * its page shows it.
 */

export const ACTIVE = ['open', 'in_progress'] as const;
export const CLOSED = ['done', 'cancelled'] as const;
const DAY_MS = 86_400_000;

/** The default due time of a new task: the library's number of days from now. */
export async function defaultDueAt(ctx: Ctx): Promise<string> {
  const { taskDueDays } = await getLibrarySettings(ctx.db);
  return new Date(ctx.now().getTime() + taskDueDays * DAY_MS).toISOString();
}

/** Inserts a task (inside the caller's transaction) and returns its id. */
export async function insertTask(
  ctx: Ctx,
  values: Omit<Insertable<TasksTable>, 'created_at' | 'updated_at' | 'created_by' | 'due_at'> & {
    due_at?: string | null;
  },
): Promise<number> {
  const now = ctx.now().toISOString();
  const row = await ctx.db
    .insertInto('tasks')
    .values({
      ...values,
      due_at: values.due_at ?? (await defaultDueAt(ctx)),
      created_by: ctx.actor?.id ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A short title from what the patron asked. */
export function titleOf(request: string): string {
  const line = request.split(/\r?\n/)[0]?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export function visibleTasks(db: Db, ctx: Ctx, teams: number[]) {
  let query = db
    .selectFrom('tasks')
    .innerJoin('patrons', 'patrons.id', 'tasks.patron_id')
    .leftJoin('campaigns', 'campaigns.id', 'tasks.campaign_id')
    .leftJoin('users as owners', 'owners.id', 'tasks.owner_id')
    .leftJoin('teams', 'teams.id', 'tasks.team_id')
    .selectAll('tasks')
    .select([
      'patrons.first_name',
      'patrons.last_name',
      'patrons.preferred_name',
      'campaigns.name as campaign_name',
      'owners.name as owner_name',
      'teams.name as team_name',
    ]);
  if (!isCoordinator(ctx)) {
    const me = actorId(ctx);
    query = query.where((eb) =>
      eb.or([
        eb('tasks.owner_id', '=', me),
        eb('tasks.created_by', '=', me),
        ...(teams.length > 0 ? [eb('tasks.team_id', 'in', teams)] : []),
      ]),
    );
  }
  return query;
}

export type VisibleTaskRow = TaskRow & {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  campaign_name: string | null;
  owner_name: string | null;
  team_name: string | null;
};

export function presentSummary(row: VisibleTaskRow, now: Date): TaskSummary {
  const active = (ACTIVE as readonly string[]).includes(row.status);
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    patronId: row.patron_id,
    patronName: displayName(row),
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    owner:
      row.owner_id === null
        ? null
        : { id: row.owner_id, name: row.owner_name ?? String(row.owner_id) },
    team: row.team_id === null ? null : { id: row.team_id, name: row.team_name ?? '' },
    dueAt: row.due_at,
    overdue: active && row.due_at < now.toISOString(),
    status: row.status,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

export async function findVisibleTask(ctx: Ctx, id: number): Promise<VisibleTaskRow> {
  const teams = await teamIdsOf(ctx.db, actorId(ctx));
  const row = await visibleTasks(ctx.db, ctx, teams).where('tasks.id', '=', id).executeTakeFirst();
  if (!row) {
    const exists = await ctx.db
      .selectFrom('tasks')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (exists) throw new AppError('FORBIDDEN', 'This task is not yours or your team’s');
    throw notFound('Task', id);
  }
  return row;
}

export async function presentTask(ctx: Ctx, row: VisibleTaskRow): Promise<Task> {
  const notes = await ctx.db
    .selectFrom('task_notes')
    .leftJoin('users', 'users.id', 'task_notes.author_id')
    .select(['task_notes.id', 'task_notes.text', 'task_notes.at', 'users.name'])
    .where('task_id', '=', row.id)
    .orderBy('task_notes.at')
    .orderBy('task_notes.id')
    .execute();
  const referral = await ctx.db
    .selectFrom('referrals')
    .innerJoin('referral_services', 'referral_services.id', 'referrals.service_id')
    .select([
      'referrals.id',
      'referrals.shared',
      'referrals.note',
      'referral_services.name as service_name',
    ])
    .where('referrals.task_id', '=', row.id)
    .executeTakeFirst();
  const names = await staffNames(ctx.db, [row.created_by]);
  return {
    ...presentSummary(row, ctx.now()),
    detail: row.detail,
    serviceKey: row.service_key,
    createdBy: row.created_by === null ? null : (names.get(row.created_by) ?? null),
    patron: await followUpPatron(ctx.db, row.patron_id),
    notes: notes.map((n) => ({
      id: n.id,
      author: n.name ?? 'Outreach Desk',
      text: n.text,
      at: n.at,
    })),
    outboxId: row.outbox_id,
    // The task's reader is its owner, their team or a coordinator: all may read the referral's notes.
    referral:
      referral === undefined
        ? null
        : {
            id: referral.id,
            serviceName: referral.service_name,
            shared: referral.shared,
            note: referral.note,
          },
    purgedAt: row.purged_at,
  };
}
