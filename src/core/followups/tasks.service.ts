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
import { AppError, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { actorId, assertPatronProof, isCoordinator, teamIdsOf } from './access.js';
import {
  ACTIVE,
  CLOSED,
  findVisibleTask,
  insertTask,
  presentSummary,
  presentTask,
  visibleTasks,
} from './tasks.repository.js';

/**
 * Follow-up tasks: an information request made on a call, a link to send, help with a service,
 * a referral to check. Each has a type, an owner (a person, or a team until someone takes it), a
 * due date, a status and notes. Callers see the tasks they own, their teams' and those they
 * raised; coordinators see all.
 */

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
