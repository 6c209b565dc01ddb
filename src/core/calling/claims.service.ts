import type { CampaignRow, ClaimRow } from '../../db/database.js';
import type { CallCard, ClaimNextResult } from '../../shared/schemas/calls.js';
import type { CallingHours } from '../../shared/schemas/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import { newToken } from '../auth/tokens.js';
import { callerMayWork } from '../campaigns/campaigns.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import type { Actor, Ctx } from '../context.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { assertRole, hasRole } from '../policy.js';
import { getLibrarySettings } from '../library/library.service.js';
import { buildCallCard } from './call-card.js';
import { openTimeZones, REGION_TIME_ZONES } from './calling-hours.js';
import { acquireUnit, findLiveClaimOf, unitKeyOf, unitKeySql } from './claims.repository.js';

/** How long a claim lasts without renewal: a laptop that sleeps gives its patron back after this. */
export const LEASE_MS = 5 * 60_000;
/** Candidates tried per request before answering "all held". */
const CANDIDATES = 25;
/** Rows read in priority order to find those in the caller's languages. */
const LANGUAGE_WINDOW = 200;

function requireActor(ctx: Ctx): Actor {
  if (ctx.actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.actor;
}

async function workableCampaign(ctx: Ctx, campaignId: number): Promise<CampaignRow> {
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('Campaign', campaignId);
  if (!hasRole(ctx, 'admin', 'coordinator') && !callerMayWork(ctx, campaign))
    throw forbidden('You are not one of this campaign’s callers');
  return campaign;
}

type Candidate = { id: number; patron_id: number; household_id: number | null };

/**
 * Waiting call-list rows a caller may be offered now, best first: this caller's due callbacks,
 * anyone's due callbacks, then by priority — within a priority, patrons who speak one of the
 * caller's languages first — then fewest attempts. The main list is read in index order and stops
 * early, so a claim costs the same on a call list of 300 or 300,000.
 */
async function candidates(
  ctx: Ctx,
  campaign: CampaignRow,
  actor: Actor,
  openZones: string[],
  libraryZone: string,
): Promise<Candidate[]> {
  if (openZones.length === 0) return [];
  const now = ctx.now().toISOString();
  const me = await ctx.db
    .selectFrom('users')
    .select('call_languages')
    .where('id', '=', actor.id)
    .executeTakeFirst();
  const languages = new Set(me === undefined ? [] : (JSON.parse(me.call_languages) as string[]));
  const eligible = ctx.db
    .selectFrom('call_list')
    .innerJoin('patrons', 'patrons.id', 'call_list.patron_id')
    .select([
      'call_list.id',
      'call_list.patron_id',
      'call_list.household_id',
      'call_list.priority',
      'call_list.attempts',
      'call_list.callback_for',
      'patrons.language',
    ])
    .where('call_list.campaign_id', '=', campaign.id)
    .where('call_list.state', '=', 'waiting')
    .where('patrons.deceased_at', 'is', null)
    .where('patrons.do_not_call_at', 'is', null)
    .where('patrons.primary_phone', 'is not', null)
    .where((eb) => eb(eb.fn.coalesce('call_list.time_zone', eb.val(libraryZone)), 'in', openZones))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('claims')
            .select('claims.id')
            .where('claims.unit_key', '=', unitKeySql(eb))
            .where('claims.expires_at', '>', now),
        ),
      ),
    );
  const callbacks = await eligible
    .where('call_list.callback_at', '<=', now)
    .where((eb) =>
      eb.or([
        eb('call_list.callback_for', 'is', null),
        eb('call_list.callback_for', '=', actor.id),
      ]),
    )
    .orderBy('call_list.callback_at')
    .limit(CANDIDATES)
    .execute();
  const regular = await eligible
    .where('call_list.callback_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('call_list.next_attempt_at', 'is', null),
        eb('call_list.next_attempt_at', '<=', now),
      ]),
    )
    .orderBy('call_list.priority')
    .orderBy('call_list.attempts')
    .orderBy('call_list.id')
    .limit(LANGUAGE_WINDOW)
    .execute();
  const speaks = (language: string | null) =>
    language !== null && languages.has(language) ? 0 : 1;
  const mineFirst = (callbackFor: number | null) => (callbackFor === actor.id ? 0 : 1);
  callbacks.sort((a, b) => mineFirst(a.callback_for) - mineFirst(b.callback_for));
  // A stable sort keeps index order (priority, attempts, id) within each language group.
  regular.sort((a, b) => a.priority - b.priority || speaks(a.language) - speaks(b.language));
  return [...callbacks, ...regular].slice(0, CANDIDATES);
}

/** Why nobody can be offered: all done or not due yet, all due ones held, or outside calling hours. */
async function whyNone(ctx: Ctx, campaign: CampaignRow, tried: number): Promise<ClaimNextResult> {
  if (tried > 0) return { status: 'none', reason: 'all_held', nextDueAt: null };
  const now = ctx.now().toISOString();
  const waiting = ctx.db
    .selectFrom('call_list')
    .where('campaign_id', '=', campaign.id)
    .where('state', '=', 'waiting');
  const due = waiting.where((eb) =>
    eb.or([
      eb.and([
        eb('callback_at', 'is', null),
        eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]),
      ]),
      eb('callback_at', '<=', now),
    ]),
  );
  const counts = await due
    .select((eb) => [
      eb.fn.countAll<number>().as('due'),
      eb.fn
        .countAll<number>()
        .filterWhere((f) =>
          f.exists(
            f
              .selectFrom('claims')
              .select('claims.id')
              .where('claims.unit_key', '=', unitKeySql(f))
              .where('claims.expires_at', '>', now),
          ),
        )
        .as('held'),
    ])
    .executeTakeFirstOrThrow();
  if (counts.due === 0) {
    const next = await waiting
      .select((eb) =>
        eb.fn.min<string | null>(eb.fn.coalesce('callback_at', 'next_attempt_at')).as('next'),
      )
      .executeTakeFirstOrThrow();
    return { status: 'none', reason: 'nobody_waiting', nextDueAt: next.next };
  }
  if (counts.held === counts.due) return { status: 'none', reason: 'all_held', nextDueAt: null };
  return { status: 'none', reason: 'outside_calling_hours', nextDueAt: null };
}

/**
 * Hands the caller the next patron — or household, one call covering every waiting member — of a
 * running campaign, as a claim with a lease. Order: this caller's due callbacks, anyone's due
 * callbacks, then the campaign's priorities, patrons who speak one of the caller's languages first,
 * fewest attempts first. Only patrons inside calling hours in their time zone (DN-2), never a
 * do-not-call or deceased patron (DN-1), never before the gap between attempts. No patron or
 * household is ever held by two callers at once (RB-1). A caller already holding a claim gets it back.
 * @throws NOT_FOUND, FORBIDDEN
 */
export async function claimNextPatron(ctx: Ctx, campaignId: number): Promise<ClaimNextResult> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const actor = requireActor(ctx);
  const campaign = await workableCampaign(ctx, campaignId);
  const current = await getCurrentCall(ctx);
  if (current) return { status: 'claimed', call: current };
  if (campaign.status !== 'active')
    return { status: 'none', reason: 'campaign_not_active', nextDueAt: null };
  const now = ctx.now();
  const library = await getLibrarySettings(ctx.db);
  const hours = JSON.parse(campaign.calling_hours) as CallingHours;
  const open = openTimeZones(now, [...Object.values(REGION_TIME_ZONES), library.timeZone], hours);
  const rows = await candidates(ctx, campaign, actor, open, library.timeZone);
  const expiresAt = new Date(now.getTime() + LEASE_MS).toISOString();
  for (const row of rows) {
    const claim = await acquireUnit(ctx.db, {
      unitKey: unitKeyOf(row),
      campaignId,
      callerId: actor.id,
      token: newToken(),
      now: now.toISOString(),
      expiresAt,
    });
    if (!claim) continue;
    await recordAudit(ctx, {
      action: 'patron.claim',
      objectType: 'call_list',
      objectId: row.id,
      details: { campaignId, unit: claim.unit_key },
    });
    return { status: 'claimed', call: await buildCallCard(ctx, claim, campaign, library.timeZone) };
  }
  return whyNone(ctx, campaign, rows.length);
}

/** The caller's live claim with its card (after a reload), or null. */
export async function getCurrentCall(ctx: Ctx): Promise<CallCard | null> {
  const actor = requireActor(ctx);
  const claim = await findLiveClaimOf(ctx.db, actor.id, ctx.now().toISOString());
  if (!claim) return null;
  const campaign = await findCampaign(ctx.db, claim.campaign_id);
  if (!campaign) return null;
  return buildCallCard(ctx, claim, campaign, (await getLibrarySettings(ctx.db)).timeZone);
}

/**
 * The claim, if this caller still holds it with this token. A lease that expired — and may have
 * been re-issued to someone else — is refused (RB-2).
 * @throws CONFLICT
 */
export async function assertHeld(ctx: Ctx, claimId: number, token: string): Promise<ClaimRow> {
  const actor = requireActor(ctx);
  const claim = await ctx.db
    .selectFrom('claims')
    .selectAll()
    .where('id', '=', claimId)
    .where('token', '=', token)
    .where('caller_id', '=', actor.id)
    .where('expires_at', '>', ctx.now().toISOString())
    .executeTakeFirst();
  if (!claim) {
    throw new AppError(
      'CONFLICT',
      'Your hold on this patron has ended (it expired or was released); nothing was saved. Ask for the next patron.',
      { reason: 'CLAIM_LOST' },
    );
  }
  return claim;
}

/** Extends a held claim's lease (the screen does it every minute). @throws CONFLICT */
export async function renewClaim(
  ctx: Ctx,
  claimId: number,
  token: string,
): Promise<{ expiresAt: string }> {
  const claim = await assertHeld(ctx, claimId, token);
  const expiresAt = new Date(ctx.now().getTime() + LEASE_MS).toISOString();
  await ctx.db
    .updateTable('claims')
    .set({ expires_at: expiresAt })
    .where('id', '=', claim.id)
    .where('token', '=', token)
    .execute();
  return { expiresAt };
}

/** Gives the patron back to the pool ("skip"); nothing else changes. Releasing a lost claim is a no-op. */
export async function releaseClaim(ctx: Ctx, claimId: number, token: string): Promise<void> {
  const actor = requireActor(ctx);
  const now = ctx.now().toISOString();
  const released = await ctx.db
    .updateTable('claims')
    .set({ expires_at: now })
    .where('id', '=', claimId)
    .where('token', '=', token)
    .where('caller_id', '=', actor.id)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(released.numUpdatedRows) > 0)
    await recordAudit(ctx, { action: 'patron.release', objectType: 'claim', objectId: claimId });
}

/** Releases every claim a caller holds (signing out). */
export async function releaseClaimsOf(ctx: Ctx, callerId: number): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db
    .updateTable('claims')
    .set({ expires_at: now })
    .where('caller_id', '=', callerId)
    .where('expires_at', '>', now)
    .execute();
}

/** A coordinator frees a stuck claim; its holder can no longer write to it. @throws NOT_FOUND */
export async function forceReleaseClaim(ctx: Ctx, claimId: number): Promise<void> {
  assertRole(ctx, 'admin', 'coordinator');
  const now = ctx.now().toISOString();
  const claim = await ctx.db
    .selectFrom('claims')
    .select('id')
    .where('id', '=', claimId)
    .executeTakeFirst();
  if (!claim) throw notFound('Claim', claimId);
  // A new token fences the old holder even if they renew before noticing.
  await ctx.db
    .updateTable('claims')
    .set({ expires_at: now, token: newToken() })
    .where('id', '=', claimId)
    .execute();
  await recordAudit(ctx, { action: 'claim.force_release', objectType: 'claim', objectId: claimId });
}
