import type { Db, PatronRow } from '../../db/database.js';
import type { PatronProof } from '../../shared/schemas/followups.js';
import type { Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { maskAddress } from '../email/address.js';
import { hasRole } from '../policy.js';

/**
 * Who may read and act on a follow-up (TRUST PR-3, PR-5): coordinators and admins always; a
 * caller only for the patron of a call they hold (or just finished), of a task they own (or their
 * team's), or of an escalation they raised. Sensitive texts — what a caller wrote about a concern
 * or a referral — go only to their author, the task's owner and coordinators.
 */

/** A call let go in the last few minutes still proves the caller was on it (the notes come after). */
export const CALL_GRACE_MS = 15 * 60_000;

export function isCoordinator(ctx: Ctx): boolean {
  return hasRole(ctx, 'admin', 'coordinator');
}

export function actorId(ctx: Ctx): number {
  return ctx.actor?.id ?? -1;
}

export async function teamIdsOf(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('team_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.team_id);
}

/** The campaign of the call this proof stands for, if it is one. */
export interface ProofScope {
  campaignId: number | null;
}

/**
 * Checks that a caller may act for this patron; coordinators and the system need no proof.
 * @throws FORBIDDEN, CONFLICT (the call is no longer theirs)
 */
export async function assertPatronProof(
  ctx: Ctx,
  patronId: number,
  proof: PatronProof | undefined,
): Promise<ProofScope> {
  if (proof !== undefined && 'claimId' in proof) return proofByClaim(ctx, patronId, proof);
  if (isCoordinator(ctx)) return { campaignId: null };
  if (proof === undefined)
    throw new AppError('FORBIDDEN', 'Only the caller on this patron’s call can do this');
  if ('taskId' in proof) {
    const task = await ctx.db
      .selectFrom('tasks')
      .select(['patron_id', 'owner_id', 'team_id', 'campaign_id'])
      .where('id', '=', proof.taskId)
      .executeTakeFirst();
    if (!task) throw notFound('Task', proof.taskId);
    const teams = await teamIdsOf(ctx.db, actorId(ctx));
    const mine =
      task.owner_id === actorId(ctx) || (task.team_id !== null && teams.includes(task.team_id));
    if (!mine || task.patron_id !== patronId)
      throw new AppError('FORBIDDEN', 'This task is not yours, or not about this patron');
    return { campaignId: task.campaign_id };
  }
  const escalation = await ctx.db
    .selectFrom('escalations')
    .select(['patron_id', 'raised_by', 'campaign_id'])
    .where('id', '=', proof.escalationId)
    .executeTakeFirst();
  if (!escalation) throw notFound('Escalation', proof.escalationId);
  if (escalation.raised_by !== actorId(ctx) || escalation.patron_id !== patronId)
    throw new AppError('FORBIDDEN', 'Only coordinators and the caller who raised it can do this');
  return { campaignId: escalation.campaign_id };
}

async function proofByClaim(
  ctx: Ctx,
  patronId: number,
  proof: { claimId: number; token: string },
): Promise<ProofScope> {
  const claim = await ctx.db
    .selectFrom('claims')
    .select(['campaign_id', 'unit_key'])
    .where('id', '=', proof.claimId)
    .where('token', '=', proof.token)
    .where('caller_id', '=', actorId(ctx))
    .where('expires_at', '>', new Date(ctx.now().getTime() - CALL_GRACE_MS).toISOString())
    .executeTakeFirst();
  const patron = await ctx.db
    .selectFrom('patrons')
    .select(['id', 'household_id'])
    .where('id', '=', patronId)
    .executeTakeFirst();
  if (!patron) throw notFound('Patron', patronId);
  const covers =
    claim !== undefined &&
    (claim.unit_key === `p:${patron.id}` || claim.unit_key === `h:${patron.household_id}`);
  if (!covers)
    throw new AppError('CONFLICT', 'You are not on this patron’s call any more', {
      reason: 'CLAIM_LOST',
    });
  return { campaignId: claim.campaign_id };
}

export function displayName(
  p: Pick<PatronRow, 'first_name' | 'last_name' | 'preferred_name'>,
): string {
  return `${p.preferred_name ?? p.first_name} ${p.last_name}`.trim();
}

/**
 * What the owner of a follow-up sees of the patron: name, numbers, masked addresses; without
 * `contact`, the name only (numbers and addresses empty).
 */
export async function followUpPatron(
  db: Db,
  patronId: number,
  options: { contact: boolean } = { contact: true },
) {
  const p = await db
    .selectFrom('patrons')
    .select([
      'id',
      'first_name',
      'last_name',
      'preferred_name',
      'language',
      'phones',
      'emails',
      'do_not_call_at',
      'deceased_at',
    ])
    .where('id', '=', patronId)
    .executeTakeFirst();
  if (!p) throw notFound('Patron', patronId);
  const phones = JSON.parse(p.phones) as Array<{
    e164: string | null;
    extension: string | null;
    valid: boolean;
  }>;
  return {
    id: p.id,
    name: displayName(p),
    language: p.language,
    phones: options.contact
      ? phones
          .filter((x) => x.valid && x.e164 !== null)
          .map((x) =>
            x.extension === null ? (x.e164 ?? '') : `${x.e164 ?? ''};ext=${x.extension}`,
          )
      : [],
    emails: options.contact ? (JSON.parse(p.emails) as string[]).map(maskAddress) : [],
    doNotCall: p.do_not_call_at !== null || p.deceased_at !== null,
  };
}

/** Names of staff by id, for lists. */
export async function staffNames(db: Db, ids: Array<number | null>): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
