import type { CampaignRow } from '../../db/database.js';
import { statsQuerySchema, type Stats, type StatsQuery } from '../../shared/schemas/results.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import type { Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole, hasRole } from '../policy.js';
import { computeResults, figureScope } from './figures.js';

/**
 * The results dashboard: a campaign's figures (or the whole library's) over calendar days in the
 * library's time zone, the services told about, daily and weekly series and, for coordinators and
 * admins, each staff member's activity. Every figure comes from src/core/results/figures.ts.
 */

/** Checks a filter: valid days, `from` not after `to`, a two-letter language. @throws VALIDATION_FAILED */
export function parseStatsQuery(raw: StatsQuery): StatsQuery {
  const query = parseInput(statsQuerySchema, raw);
  if (query.from !== undefined && query.to !== undefined && query.from > query.to)
    throw new AppError('VALIDATION_FAILED', 'The first day must not be after the last day', {
      issues: [{ path: 'to', message: 'must not be before from' }],
    });
  return query;
}

/**
 * The stats of one campaign (`campaign`) or of every campaign (`null`), without a role check or
 * an audit entry: for use cases that do both themselves (the impact report, the exports).
 * `callers: false` leaves out the per-staff activity (null), as viewers get it.
 */
export async function computeStats(
  ctx: Ctx,
  campaign: CampaignRow | null,
  query: StatsQuery,
  options: { callers: boolean },
): Promise<Stats> {
  const library = await getLibrarySettings(ctx.db);
  const now = ctx.now();
  const scope = await figureScope(ctx.db, campaign, query, library.timeZone, now);
  const results = await computeResults(ctx.db, scope, {
    language: query.language ?? library.defaultLanguage,
    serviceKeys: campaign === null ? [] : (JSON.parse(campaign.service_keys) as string[]),
    callers: options.callers,
  });
  return {
    scope: {
      campaignId: campaign?.id ?? null,
      campaignName: campaign?.name ?? null,
      from: query.from ?? null,
      to: query.to ?? null,
      timeZone: library.timeZone,
      generatedAt: now.toISOString(),
    },
    ...results,
  };
}

/** Viewers see aggregates only (TRUST PR-5): no per-staff activity. */
const seesCallers = (ctx: Ctx) => hasRole(ctx, 'admin', 'coordinator');

/**
 * A campaign's figures over calendar days (both ends included; open ends allowed). Admins,
 * coordinators and viewers (without the per-staff list); audited as a view.
 * @throws NOT_FOUND, VALIDATION_FAILED, FORBIDDEN
 */
export async function getCampaignStats(
  ctx: Ctx,
  campaignId: number,
  filter: StatsQuery,
): Promise<Stats> {
  assertRole(ctx, 'admin', 'coordinator', 'viewer');
  const query = parseStatsQuery(filter);
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('Campaign', campaignId);
  const stats = await computeStats(ctx, campaign, query, { callers: seesCallers(ctx) });
  await recordAudit(ctx, {
    action: 'stats.view',
    objectType: 'campaign',
    objectId: campaignId,
    details: { scope: 'campaign', from: stats.scope.from, to: stats.scope.to },
  });
  return stats;
}

/**
 * The same figures over every campaign of the library. Admins, coordinators and viewers (without
 * the per-staff list); audited as a view. @throws VALIDATION_FAILED, FORBIDDEN
 */
export async function getLibraryStats(ctx: Ctx, filter: StatsQuery): Promise<Stats> {
  assertRole(ctx, 'admin', 'coordinator', 'viewer');
  const query = parseStatsQuery(filter);
  const stats = await computeStats(ctx, null, query, { callers: seesCallers(ctx) });
  await recordAudit(ctx, {
    action: 'stats.view',
    objectType: 'library',
    details: { scope: 'library', from: stats.scope.from, to: stats.scope.to },
  });
  return stats;
}
