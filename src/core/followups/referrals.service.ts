import {
  createReferralInput,
  listReferralsQuery,
  type CreateReferralInput,
  type Referral,
} from '../../shared/schemas/followups.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { actorId, assertPatronProof, isCoordinator, teamIdsOf } from './access.js';
import { noteReferral } from './escalations.service.js';
import { insertTask } from './tasks.repository.js';

/**
 * Referrals to the community services of the directory (directory.service): made with the
 * patron's consent, noting what was shared, with a follow-up date that becomes a task to check it
 * worked.
 */

/**
 * Referrals as their reader may see them: the notes (what was shared, and the referrer's note)
 * only for their author, the owner or team of the follow-up task, and coordinators.
 */
export async function presentReferrals(ctx: Ctx, ids: number[]): Promise<Referral[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('referrals')
    .innerJoin('referral_services', 'referral_services.id', 'referrals.service_id')
    .leftJoin('users', 'users.id', 'referrals.created_by')
    .leftJoin('tasks', 'tasks.id', 'referrals.task_id')
    .selectAll('referrals')
    .select([
      'referral_services.name as service_name',
      'users.name as created_by_name',
      'tasks.owner_id as task_owner',
      'tasks.team_id as task_team',
    ])
    .where('referrals.id', 'in', ids)
    .orderBy('referrals.created_at')
    .execute();
  const teams = await teamIdsOf(ctx.db, actorId(ctx));
  return rows.map((r) => {
    const reader =
      isCoordinator(ctx) ||
      r.created_by === actorId(ctx) ||
      r.task_owner === actorId(ctx) ||
      (r.task_team !== null && teams.includes(r.task_team));
    return {
      id: r.id,
      patronId: r.patron_id,
      serviceId: r.service_id,
      serviceName: r.service_name,
      escalationId: r.escalation_id,
      taskId: r.task_id,
      consentAt: r.consent_at,
      shared: reader ? r.shared : '',
      note: reader ? r.note : '',
      followUpAt: r.follow_up_at,
      createdBy: r.created_by_name,
      createdById: r.created_by,
      createdAt: r.created_at,
    };
  });
}

/**
 * Refers a patron to a service, with their consent: records what was shared and when to check it
 * worked — that check becomes a task for the referrer. A coordinator may refer anyone; a caller
 * the patron of their call, task or escalation. Audited. @throws FORBIDDEN, NOT_FOUND, VALIDATION_FAILED
 */
export async function createReferral(ctx: Ctx, raw: CreateReferralInput): Promise<Referral> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const input = parseInput(createReferralInput, raw);
  const id = await inTransaction(ctx, async (tx) => {
    const scope = await assertPatronProof(tx, input.patronId, input.proof);
    const service = await tx.db
      .selectFrom('referral_services')
      .selectAll()
      .where('id', '=', input.serviceId)
      .executeTakeFirst();
    if (!service) throw notFound('Referral service', input.serviceId);
    if (service.archived_at !== null)
      throw new AppError('CONFLICT', `“${service.name}” is archived in the directory`, {
        field: 'serviceId',
      });
    let campaignId = scope.campaignId;
    if (input.escalationId !== null) {
      const escalation = await tx.db
        .selectFrom('escalations')
        .select(['patron_id', 'campaign_id', 'raised_by'])
        .where('id', '=', input.escalationId)
        .executeTakeFirst();
      if (!escalation) throw notFound('Escalation', input.escalationId);
      if (escalation.patron_id !== input.patronId)
        throw new AppError('VALIDATION_FAILED', 'This escalation is about another patron', {
          field: 'escalationId',
        });
      if (!isCoordinator(tx) && escalation.raised_by !== actorId(tx))
        throw new AppError('FORBIDDEN', 'Only coordinators and the caller who raised it');
      campaignId = campaignId ?? escalation.campaign_id;
    }
    const now = tx.now().toISOString();
    const taskId = await insertTask(tx, {
      type: 'referral_check',
      patron_id: input.patronId,
      campaign_id: campaignId,
      title: `Check the referral to ${service.name} worked`,
      owner_id: tx.actor?.id ?? null,
      team_id: null,
      due_at: input.followUpAt,
    });
    const referral = await tx.db
      .insertInto('referrals')
      .values({
        patron_id: input.patronId,
        service_id: service.id,
        campaign_id: campaignId,
        escalation_id: input.escalationId,
        task_id: taskId,
        consent_at: now,
        shared: input.shared,
        note: input.note,
        follow_up_at: input.followUpAt,
        created_by: tx.actor?.id ?? null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.escalationId !== null) await noteReferral(tx, input.escalationId, service.name);
    await recordAudit(tx, {
      action: 'referral.create',
      objectType: 'referral',
      objectId: referral.id,
      details: { patronId: input.patronId, serviceId: service.id, taskId },
    });
    return referral.id;
  });
  const [referral] = await presentReferrals(ctx, [id]);
  if (!referral) throw notFound('Referral', id);
  return referral;
}

/**
 * A patron's referrals, or an escalation's. Coordinators see any; a caller those of the patrons of
 * their escalations or tasks (with the proof rules). Audited. @throws VALIDATION_FAILED, FORBIDDEN
 */
export async function listReferrals(ctx: Ctx, raw: unknown): Promise<Referral[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const q = parseInput(listReferralsQuery, raw);
  if (q.patronId === undefined && q.escalationId === undefined)
    throw new AppError('VALIDATION_FAILED', 'Give a patron or an escalation', {
      field: 'patronId',
    });
  let query = ctx.db.selectFrom('referrals').select(['id', 'patron_id', 'created_by']);
  if (q.patronId !== undefined) query = query.where('patron_id', '=', q.patronId);
  if (q.escalationId !== undefined) query = query.where('escalation_id', '=', q.escalationId);
  let rows = await query.execute();
  if (!isCoordinator(ctx)) {
    const teams = await teamIdsOf(ctx.db, actorId(ctx));
    const tasks = await ctx.db
      .selectFrom('tasks')
      .select('patron_id')
      .where((eb) =>
        eb.or([
          eb('owner_id', '=', actorId(ctx)),
          ...(teams.length > 0 ? [eb('team_id', 'in', teams)] : []),
        ]),
      )
      .execute();
    const raised = await ctx.db
      .selectFrom('escalations')
      .select('patron_id')
      .where('raised_by', '=', actorId(ctx))
      .execute();
    const mine = new Set([...tasks, ...raised].map((t) => t.patron_id));
    rows = rows.filter((r) => r.created_by === actorId(ctx) || mine.has(r.patron_id));
  }
  const referrals = await presentReferrals(
    ctx,
    rows.map((r) => r.id),
  );
  if (referrals.length > 0)
    await recordAudit(ctx, {
      action: 'referral.list',
      objectType: 'referral',
      details: { referrals: referrals.map((r) => r.id), patronId: q.patronId },
    });
  return referrals;
}
