import type { Insertable } from 'kysely';
import type { Db, TaskRow, TasksTable } from '../../db/database.js';
import {
  createTaskInput,
  listTasksQuery,
  sendTaskEmailInput,
  updateTaskInput,
  type CreateTaskInput,
  type ListTasksQuery,
  type SendTaskEmailInput,
  type Task,
  type TaskSummary,
  type UpdateTaskInput,
} from '../../shared/schemas/followups.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { maskAddress } from '../email/address.js';
import type { MailDeps } from '../email/mail-deps.js';
import { queueFollowUpEmail } from '../email/outbox.service.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole } from '../policy.js';
import {
  actorId,
  assertPatronProof,
  displayName,
  followUpPatron,
  isCoordinator,
  staffNames,
  teamIdsOf,
} from './access.js';

/**
 * Follow-up tasks: an information request made on a call, a link to send, help with a service,
 * a referral to check. Each has a type, an owner (a person, or a team until someone takes it), a
 * due date, a status and notes. Callers see the tasks they own, their teams' and those they
 * raised; coordinators see all.
 */

const ACTIVE = ['open', 'in_progress'] as const;
const CLOSED = ['done', 'cancelled'] as const;
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

function visibleTasks(db: Db, ctx: Ctx, teams: number[]) {
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

type VisibleTaskRow = TaskRow & {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  campaign_name: string | null;
  owner_name: string | null;
  team_name: string | null;
};

function presentSummary(row: VisibleTaskRow, now: Date): TaskSummary {
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

/**
 * Tasks I own (`mine`), my teams' (`team`; coordinators: every team's), or all I may see, active
 * (open, in progress) or closed, optionally only overdue ones; soonest due first. Audited.
 */
export async function listTasks(ctx: Ctx, raw: ListTasksQuery = {}): Promise<TaskSummary[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const q = parseInput(listTasksQuery, raw);
  const teams = await teamIdsOf(ctx.db, actorId(ctx));
  const now = ctx.now().toISOString();
  let query = visibleTasks(ctx.db, ctx, teams);
  if (q.scope === 'mine') query = query.where('tasks.owner_id', '=', actorId(ctx));
  if (q.scope === 'team')
    query = isCoordinator(ctx)
      ? query.where('tasks.team_id', 'is not', null)
      : query.where('tasks.team_id', 'in', teams.length > 0 ? teams : [-1]);
  if (q.status === 'active') query = query.where('tasks.status', 'in', ACTIVE);
  if (q.status === 'closed') query = query.where('tasks.status', 'in', CLOSED);
  if (q.overdue === true)
    query = query.where('tasks.status', 'in', ACTIVE).where('tasks.due_at', '<', now);
  if (q.campaignId !== undefined) query = query.where('tasks.campaign_id', '=', q.campaignId);
  if (q.patronId !== undefined) query = query.where('tasks.patron_id', '=', q.patronId);
  const rows = await query
    .orderBy(
      q.status === 'closed' ? 'tasks.closed_at' : 'tasks.due_at',
      q.status === 'closed' ? 'desc' : 'asc',
    )
    .orderBy('tasks.id')
    .limit(q.limit)
    .execute();
  if (rows.length > 0)
    await recordAudit(ctx, {
      action: 'task.list',
      objectType: 'task',
      details: { scope: q.scope, tasks: rows.map((r) => r.id) },
    });
  return rows.map((r) => presentSummary(r, ctx.now()));
}

async function findVisibleTask(ctx: Ctx, id: number): Promise<VisibleTaskRow> {
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

/** One task with the patron's contact details, its notes and its referral. Audited. @throws NOT_FOUND, FORBIDDEN */
export async function getTask(ctx: Ctx, id: number): Promise<Task> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const row = await findVisibleTask(ctx, id);
  const task = await presentTask(ctx, row);
  await recordAudit(ctx, {
    action: 'task.view',
    objectType: 'task',
    objectId: id,
    details: { patronId: row.patron_id },
  });
  return task;
}

async function presentTask(ctx: Ctx, row: VisibleTaskRow): Promise<Task> {
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

async function assertAssignable(
  ctx: Ctx,
  change: { ownerId?: number | null | undefined; teamId?: number | null | undefined },
): Promise<void> {
  if (change.ownerId !== undefined && change.ownerId !== null) {
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'role', 'disabled_at'])
      .where('id', '=', change.ownerId)
      .executeTakeFirst();
    if (!user || user.disabled_at !== null || user.role === 'viewer')
      throw new AppError(
        'UNPROCESSABLE',
        'A task can only go to an active staff member who calls',
        {
          field: 'ownerId',
        },
      );
    if (!isCoordinator(ctx) && change.ownerId !== actorId(ctx))
      throw new AppError('FORBIDDEN', 'Only coordinators give tasks to someone else', {
        field: 'ownerId',
      });
  }
  if (change.teamId !== undefined && change.teamId !== null) {
    const team = await ctx.db
      .selectFrom('teams')
      .select('id')
      .where('id', '=', change.teamId)
      .executeTakeFirst();
    if (!team) throw new AppError('UNPROCESSABLE', 'No such team', { field: 'teamId' });
  }
}

/**
 * A task made by hand: by a coordinator for any patron, or by a caller for the patron of their
 * call or task. @throws VALIDATION_FAILED, FORBIDDEN, NOT_FOUND
 */
export async function createTask(ctx: Ctx, raw: CreateTaskInput): Promise<Task> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(createTaskInput, raw);
  const id = await inTransaction(ctx, async (tx) => {
    const scope = await assertPatronProof(tx, input.patronId, input.proof);
    await assertAssignable(tx, input);
    const ownerId = input.ownerId ?? (input.teamId === null ? (tx.actor?.id ?? null) : null);
    const taskId = await insertTask(tx, {
      type: input.type,
      patron_id: input.patronId,
      campaign_id: input.campaignId ?? scope.campaignId,
      title: input.title,
      detail: input.detail,
      owner_id: ownerId,
      team_id: input.teamId,
      due_at: input.dueAt,
    });
    await recordAudit(tx, {
      action: 'task.create',
      objectType: 'task',
      objectId: taskId,
      details: { patronId: input.patronId, type: input.type, ownerId, teamId: input.teamId },
    });
    return taskId;
  });
  return presentTask(ctx, await findVisibleTask(ctx, id));
}

function closing(ctx: Ctx, status: string | undefined) {
  if (status === undefined) return {};
  if ((CLOSED as readonly string[]).includes(status))
    return { closed_at: ctx.now().toISOString(), closed_by: ctx.actor?.id ?? null };
  return { closed_at: null, closed_by: null };
}

/**
 * Changes a task: its status (closing or reopening it), owner or team (a caller may take a task or
 * hand it to a team; coordinators give it to anyone), due date; a note is appended. Audited.
 * @throws NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
 */
export async function updateTask(ctx: Ctx, id: number, raw: UpdateTaskInput): Promise<Task> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(updateTaskInput, raw);
  return inTransaction(ctx, async (tx) => {
    const row = await findVisibleTask(tx, id);
    await assertAssignable(tx, input);
    if (row.purged_at !== null && input.note !== undefined)
      throw new AppError('CONFLICT', 'This task’s notes were removed under the retention rules');
    const now = tx.now().toISOString();
    const changes = {
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.ownerId === undefined ? {} : { owner_id: input.ownerId }),
      ...(input.teamId === undefined ? {} : { team_id: input.teamId }),
      ...(input.dueAt === undefined ? {} : { due_at: input.dueAt }),
      ...(input.status === row.status ? {} : closing(tx, input.status)),
    };
    await tx.db
      .updateTable('tasks')
      .set({ ...changes, updated_at: now })
      .where('id', '=', id)
      .execute();
    if (input.note !== undefined && input.note !== '')
      await tx.db
        .insertInto('task_notes')
        .values({ task_id: id, author_id: tx.actor?.id ?? null, text: input.note, at: now })
        .execute();
    await recordAudit(tx, {
      action: 'task.update',
      objectType: 'task',
      objectId: id,
      details: {
        patronId: row.patron_id,
        status: input.status,
        ownerId: input.ownerId,
        teamId: input.teamId,
        dueAt: input.dueAt,
        note: input.note === undefined ? undefined : true,
      },
    });
    // Answered as it now stands, even when the change hands it to someone this caller cannot see.
    return presentTask(tx, await findVisibleTask({ ...tx, actor: null }, id));
  });
}

/**
 * Sends the link(s) the patron asked for and closes the task with it: the e-mail is queued in the
 * outbox (same rules as a follow-up from the calling screen) and the task is done, in one
 * transaction. @throws NOT_FOUND, FORBIDDEN, CONFLICT (already closed), UNPROCESSABLE (blocked)
 */
export async function sendTaskEmail(
  ctx: Ctx,
  deps: MailDeps,
  id: number,
  raw: SendTaskEmailInput,
): Promise<Task> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(sendTaskEmailInput, raw);
  await inTransaction(ctx, async (tx) => {
    const row = await findVisibleTask(tx, id);
    if (!(ACTIVE as readonly string[]).includes(row.status))
      throw new AppError('CONFLICT', 'This task is already closed');
    const patron = await tx.db
      .selectFrom('patrons')
      .selectAll()
      .where('id', '=', row.patron_id)
      .executeTakeFirstOrThrow();
    const sent = await queueFollowUpEmail(tx, deps, {
      patron,
      campaignId: row.campaign_id,
      addressIndex: input.addressIndex,
      templateId: input.templateId,
      serviceKeys: input.serviceKeys,
    });
    const now = tx.now().toISOString();
    await tx.db
      .updateTable('tasks')
      .set({
        status: 'done',
        outbox_id: sent.id,
        closed_at: now,
        closed_by: tx.actor?.id ?? null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await tx.db
      .insertInto('task_notes')
      .values({
        task_id: id,
        author_id: tx.actor?.id ?? null,
        text: `E-mail sent to ${maskAddress(sent.address)}`,
        at: now,
      })
      .execute();
    await recordAudit(tx, {
      action: 'email.follow_up',
      objectType: 'patron',
      objectId: row.patron_id,
      details: { outboxId: sent.id, templateId: input.templateId, taskId: id },
    });
  });
  deps.wake?.();
  return presentTask(ctx, await findVisibleTask(ctx, id));
}
