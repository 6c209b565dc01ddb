import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole } from '../policy.js';

/**
 * Retention of sensitive notes (TRUST PR-3): what a caller wrote about a concern, what was shared
 * in a referral and the notes of a task are emptied once their case has been closed for the
 * library's number of days. The rows stay, marked `purged_at`, so the reports keep their counts.
 */

export const REMOVED = '';

export interface PurgeCounts {
  escalations: number;
  referrals: number;
  tasks: number;
  attempts: number;
}

/**
 * Empties the sensitive notes of cases closed before the cut-off; with `dryRun`, only counts them.
 * Run by the follow-ups job daily, and by `outreach retention purge`. Audited.
 */
export async function purgeSensitiveNotes(
  ctx: Ctx,
  options: { dryRun?: boolean } = {},
): Promise<PurgeCounts & { cutoff: string }> {
  assertRole(ctx, 'admin');
  const { sensitiveNotesRetentionDays } = await getLibrarySettings(ctx.db);
  const cutoff = new Date(
    ctx.now().getTime() - sensitiveNotesRetentionDays * 86_400_000,
  ).toISOString();
  return inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    const escalations = await tx.db
      .selectFrom('escalations')
      .select(['id', 'attempt_id'])
      .where('status', '=', 'closed')
      .where('closed_at', '<', cutoff)
      .where('purged_at', 'is', null)
      .execute();
    // A task is closed when done or cancelled; a referral when its follow-up task is.
    const tasks = await tx.db
      .selectFrom('tasks')
      .select(['id', 'attempt_id'])
      .where('status', 'in', ['done', 'cancelled'])
      .where('closed_at', '<', cutoff)
      .where('purged_at', 'is', null)
      .execute();
    const taskIds = tasks.map((t) => t.id);
    const referrals =
      taskIds.length === 0
        ? []
        : await tx.db
            .selectFrom('referrals')
            .select('id')
            .where('task_id', 'in', taskIds)
            .where('purged_at', 'is', null)
            .execute();
    const attemptsOf = (rows: Array<{ attempt_id: number | null }>) => [
      ...new Set(rows.flatMap((r) => (r.attempt_id === null ? [] : [r.attempt_id]))),
    ];
    const concernAttempts = attemptsOf(escalations);
    const requestAttempts = attemptsOf(tasks);
    const attemptIds = [...new Set([...concernAttempts, ...requestAttempts])];
    const counts: PurgeCounts = {
      escalations: escalations.length,
      referrals: referrals.length,
      tasks: tasks.length,
      attempts: attemptIds.length,
    };
    if (options.dryRun === true) return { ...counts, cutoff };
    const escalationIds = escalations.map((e) => e.id);
    for (const ids of chunks(escalationIds)) {
      await tx.db
        .updateTable('escalations')
        .set({ note: REMOVED, resolution: REMOVED, purged_at: now })
        .where('id', 'in', ids)
        .execute();
      await tx.db
        .updateTable('escalation_actions')
        .set({ text: REMOVED })
        .where('escalation_id', 'in', ids)
        .where('kind', 'in', ['action', 'acknowledged', 'closed', 'reopened'])
        .execute();
    }
    for (const ids of chunks(taskIds)) {
      await tx.db
        .updateTable('tasks')
        // The title is the request's first line (or names the service referred to).
        .set({ title: REMOVED, detail: REMOVED, purged_at: now })
        .where('id', 'in', ids)
        .execute();
      await tx.db.deleteFrom('task_notes').where('task_id', 'in', ids).execute();
    }
    for (const ids of chunks(referrals.map((r) => r.id)))
      await tx.db
        .updateTable('referrals')
        .set({ shared: REMOVED, note: REMOVED, purged_at: now })
        .where('id', 'in', ids)
        .execute();
    // The same words on the call's record (the concern, the request); the outcome and level stay.
    for (const ids of chunks(concernAttempts))
      await tx.db
        .updateTable('attempts')
        .set({ concern_note: null })
        .where('id', 'in', ids)
        .execute();
    for (const ids of chunks(requestAttempts))
      await tx.db
        .updateTable('attempts')
        .set({ info_request: null })
        .where('id', 'in', ids)
        .execute();
    const total = counts.escalations + counts.referrals + counts.tasks;
    if (total > 0)
      await recordAudit(tx, {
        action: 'retention.purge',
        objectType: 'retention',
        details: { ...counts, cutoff },
      });
    return { ...counts, cutoff };
  });
}

function chunks(ids: number[], size = 500): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
