import type { Actor, Ctx } from '../context.js';
import {
  acknowledgeEscalation,
  closeEscalation,
  listEscalations,
} from '../followups/escalations.service.js';
import { enrolRecurringCalls } from '../followups/recurring.service.js';
import { listReferralServices } from '../followups/directory.service.js';
import { createReferral } from '../followups/referrals.service.js';
import { listTasks, updateTask } from '../followups/tasks.service.js';
import { listTeams, updateTeam } from '../followups/teams.service.js';

const DAY_MS = 86_400_000;

/**
 * The follow-ups of the demo's running campaign, from the concerns and requests its calls
 * recorded: the coordinator has acknowledged a practical-help concern and referred the patron to
 * 211 Ontario; two patrons who would like more contact get weekly friendly calls from the caller
 * who spoke with them; the information desk team holds one of the requests.
 */
export async function loadDemoFollowUps(
  ctx: Ctx,
  campaignId: number,
  coordinator: Actor,
  callers: Actor[],
): Promise<void> {
  const asCoordinator: Ctx = { ...ctx, actor: coordinator };
  const now = ctx.now().getTime();
  const escalations = await listEscalations(asCoordinator, { campaignId });
  const practical = escalations.find((e) => e.level === 'practical_help');
  const [twoOneOne] = await listReferralServices(asCoordinator);
  if (practical !== undefined && twoOneOne !== undefined) {
    await acknowledgeEscalation(asCoordinator, practical.id, {
      text: 'Called her back; she would like help finding grocery delivery.',
    });
    await createReferral(asCoordinator, {
      patronId: practical.patronId,
      serviceId: twoOneOne.id,
      consent: true,
      shared: 'First name and phone number; looking for grocery delivery nearby.',
      note: 'Prefers calls in the morning.',
      followUpAt: new Date(now + 7 * DAY_MS).toISOString(),
      escalationId: practical.id,
    });
  }
  const moreContact = escalations.filter((e) => e.level === 'more_contact').slice(0, 2);
  for (const [i, e] of moreContact.entries()) {
    const raisedBy = callers.find((c) => c.name === e.raisedBy) ?? callers[0];
    if (raisedBy === undefined) continue;
    await enrolRecurringCalls(asCoordinator, {
      patronId: e.patronId,
      campaignId,
      frequency: 'weekly',
      callerId: raisedBy.id,
      firstCallAt: new Date(now + (2 + i) * DAY_MS).toISOString(),
    });
    await closeEscalation(asCoordinator, e.id, {
      resolution: `Enrolled in weekly friendly calls with ${raisedBy.name}.`,
    });
  }
  // Callers work through their tasks: most of those older than three days are done, a day after.
  const older = await ctx.db
    .selectFrom('tasks')
    .select(['id', 'owner_id', 'created_at'])
    .where('status', '=', 'open')
    .where('created_at', '<', new Date(now - 3 * DAY_MS).toISOString())
    .orderBy('id')
    .execute();
  for (const [i, task] of older.entries()) {
    const owner = callers.find((c) => c.id === task.owner_id);
    if (owner === undefined || i % 6 === 5) continue;
    const doneAt = new Date(Date.parse(task.created_at) + DAY_MS);
    await updateTask({ ...ctx, actor: owner, now: () => doneAt }, task.id, {
      status: 'done',
      note: 'Done on the phone with the patron.',
    });
  }
  const desk = (await listTeams(asCoordinator)).find((t) => t.name === 'Virtual information desk');
  const [request] = await listTasks(asCoordinator, { scope: 'all', campaignId });
  if (desk !== undefined && callers.length > 0) {
    await updateTeam(asCoordinator, desk.id, {
      name: desk.name,
      memberIds: callers.slice(0, 2).map((c) => c.id),
    });
    if (request !== undefined)
      await updateTask(asCoordinator, request.id, { ownerId: null, teamId: desk.id });
  }
}
