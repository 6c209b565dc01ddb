import type { CampaignProgress } from '../../shared/schemas/calls.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { assertRole } from '../policy.js';
import { unitKeySql } from './claims.repository.js';

/**
 * Where a campaign stands right now: patrons done, held, waiting, waiting for a later attempt,
 * callbacks due, marked for e-mail; who is calling and what they hold; callbacks to come.
 * Coordinators and admins. @throws NOT_FOUND
 */
export async function getCampaignProgress(ctx: Ctx, campaignId: number): Promise<CampaignProgress> {
  assertRole(ctx, 'admin', 'coordinator');
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('Campaign', campaignId);
  const now = ctx.now().toISOString();
  const counts = await ctx.db
    .selectFrom('call_list')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.countAll<number>().filterWhere('state', '=', 'done').as('done'),
      eb.fn.countAll<number>().filterWhere('state', '=', 'email').as('email'),
      eb.fn
        .countAll<number>()
        .filterWhere((f) =>
          f.and([
            f('state', '=', 'waiting'),
            f('callback_at', 'is', null),
            f.or([f('next_attempt_at', 'is', null), f('next_attempt_at', '<=', now)]),
          ]),
        )
        .as('waiting'),
      eb.fn
        .countAll<number>()
        .filterWhere((f) =>
          f.and([
            f('state', '=', 'waiting'),
            f('callback_at', 'is', null),
            f('next_attempt_at', '>', now),
          ]),
        )
        .as('later'),
      eb.fn
        .countAll<number>()
        .filterWhere((f) => f.and([f('state', '=', 'waiting'), f('callback_at', '<=', now)]))
        .as('callbacksDue'),
    ])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const claims = await ctx.db
    .selectFrom('claims')
    .innerJoin('users', 'users.id', 'claims.caller_id')
    .select([
      'claims.id',
      'claims.unit_key',
      'claims.caller_id',
      'claims.claimed_at',
      'claims.expires_at',
      'users.name',
    ])
    .where('claims.campaign_id', '=', campaignId)
    .where('claims.expires_at', '>', now)
    .orderBy('claims.claimed_at')
    .execute();
  // Patrons waiting per held unit, in one grouped query (this runs on every live-progress tick).
  const perUnit = await ctx.db
    .selectFrom('call_list')
    .select((eb) => [unitKeySql(eb).as('unit'), eb.fn.countAll<number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .where('state', '=', 'waiting')
    .where((eb) =>
      eb(unitKeySql(eb), 'in', claims.length === 0 ? [''] : claims.map((c) => c.unit_key)),
    )
    .groupBy((eb) => unitKeySql(eb))
    .execute();
  const waitingIn = new Map(perUnit.map((u) => [u.unit, u.n]));
  const held = claims.map((c) => ({
    claimId: c.id,
    callerId: c.caller_id,
    callerName: c.name,
    patrons: waitingIn.get(c.unit_key) ?? 0,
    expiresAt: c.expires_at,
    since: c.claimed_at,
  }));
  const callers = new Map<number, CampaignProgress['callers'][number]>();
  for (const h of held) {
    const entry = callers.get(h.callerId) ?? {
      callerId: h.callerId,
      name: h.callerName,
      claims: 0,
      since: h.since,
    };
    entry.claims += 1;
    callers.set(h.callerId, entry);
  }
  const callbacks = await ctx.db
    .selectFrom('call_list')
    .innerJoin('patrons', 'patrons.id', 'call_list.patron_id')
    .leftJoin('users', 'users.id', 'call_list.callback_for')
    .select([
      'call_list.id',
      'call_list.callback_at',
      'patrons.first_name',
      'patrons.preferred_name',
      'patrons.last_name',
      'users.name as forCaller',
    ])
    .where('call_list.campaign_id', '=', campaignId)
    .where('call_list.state', '=', 'waiting')
    .where('call_list.callback_at', 'is not', null)
    .orderBy('call_list.callback_at')
    .limit(50)
    .execute();
  const inProgress = held.reduce((sum, h) => sum + h.patrons, 0);
  return {
    campaignId,
    status: campaign.status,
    total: counts.total,
    done: counts.done,
    inProgress,
    waiting: Math.max(0, counts.waiting - inProgress),
    later: counts.later,
    callbacksDue: counts.callbacksDue,
    markedForEmail: counts.email,
    callers: [...callers.values()],
    claims: held.map(({ claimId, callerName, patrons, expiresAt }) => ({
      claimId,
      callerName,
      patrons,
      expiresAt,
    })),
    callbacks: callbacks.map((c) => ({
      callListId: c.id,
      patronName: `${c.preferred_name ?? c.first_name} ${c.last_name}`,
      at: c.callback_at ?? '',
      forCaller: c.forCaller,
    })),
  };
}
