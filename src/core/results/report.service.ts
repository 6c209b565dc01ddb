import {
  impactReportQuery,
  updateReportNarrativeInput,
  type ImpactReport,
  type ImpactReportQuery,
  type ReportNarrative,
  type UpdateReportNarrativeInput,
} from '../../shared/schemas/results.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import { inTransaction, type Ctx } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole, hasRole } from '../policy.js';
import { findQuotes } from './quotes.service.js';
import { periodOf } from './figures.js';
import { computeStats, parseStatsQuery } from './stats.service.js';

/**
 * The impact report: the library's details, the figures of a campaign (or of every campaign),
 * up to four approved quotes and the coordinator's narrative — what a board or a funder reads.
 */

/** Quotes on a report: a handful, so the page stays one page. */
export const REPORT_QUOTES = 4;

const scopeKey = (campaignId: number | null): string =>
  campaignId === null ? 'library' : `campaign:${campaignId}`;

async function readNarrative(
  db: Db,
  campaignId: number | null,
): Promise<{ narrative: string; updatedAt: string | null }> {
  const row = await db
    .selectFrom('report_narratives')
    .select(['narrative', 'updated_at'])
    .where('scope_key', '=', scopeKey(campaignId))
    .executeTakeFirst();
  return row
    ? { narrative: row.narrative, updatedAt: new Date(row.updated_at).toISOString() }
    : { narrative: '', updatedAt: null };
}

/**
 * The impact report of a campaign (or of the whole library without `campaignId`) over calendar
 * days in the library's time zone. Admins, coordinators and viewers: figures are aggregates, and
 * the quotes are approved ones the patron agreed to publish, shown as the patron allowed.
 * @throws NOT_FOUND, VALIDATION_FAILED, FORBIDDEN
 */
export async function getImpactReport(
  ctx: Ctx,
  raw: ImpactReportQuery = {},
): Promise<ImpactReport> {
  assertRole(ctx, 'admin', 'coordinator', 'viewer');
  const { campaignId: id, ...rest } = parseInput(impactReportQuery, raw);
  const query = parseStatsQuery(rest);
  const campaignId = id ?? null;
  const campaign = campaignId === null ? null : await findCampaign(ctx.db, campaignId);
  if (campaign === undefined) throw notFound('Campaign', campaignId ?? 0);
  const library = await getLibrarySettings(ctx.db);
  // Viewers get aggregates only (TRUST PR-5): no per-staff activity.
  const stats = await computeStats(ctx, campaign, query, {
    callers: hasRole(ctx, 'admin', 'coordinator'),
  });
  const period = periodOf(query, library.timeZone);
  const quotes = await findQuotes(ctx.db, {
    ...(campaignId === null ? {} : { campaignId }),
    status: 'approved',
    consentedOnly: true,
    createdFrom: period.from ?? undefined,
    createdBefore: period.until ?? undefined,
    limit: REPORT_QUOTES,
  });
  const narrative = await readNarrative(ctx.db, campaignId);
  await recordAudit(ctx, {
    action: 'report.view',
    objectType: campaignId === null ? 'library' : 'campaign',
    objectId: campaignId,
    details: { ...query, quotes: quotes.map((q) => q.id) },
  });
  return {
    library: { name: library.name, website: library.website, address: library.address },
    stats,
    quotes,
    narrative: narrative.narrative,
    narrativeUpdatedAt: narrative.updatedAt,
  };
}

/**
 * Saves the short narrative of a campaign's impact report, or of the library-wide one
 * (`campaignId: null`). Admins and coordinators; audited. An empty text clears it.
 * @throws NOT_FOUND, VALIDATION_FAILED, FORBIDDEN
 */
export async function updateReportNarrative(
  ctx: Ctx,
  raw: UpdateReportNarrativeInput,
): Promise<ReportNarrative> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(updateReportNarrativeInput, raw);
  return inTransaction(ctx, async (tx) => {
    if (input.campaignId !== null && !(await findCampaign(tx.db, input.campaignId)))
      throw notFound('Campaign', input.campaignId);
    const values = {
      narrative: input.narrative,
      updated_by: tx.actor?.id ?? null,
      updated_at: tx.now().toISOString(),
    };
    await tx.db
      .insertInto('report_narratives')
      .values({ scope_key: scopeKey(input.campaignId), ...values })
      .onConflict((oc) => oc.column('scope_key').doUpdateSet(values))
      .execute();
    await recordAudit(tx, {
      action: 'report.update_narrative',
      objectType: input.campaignId === null ? 'library' : 'campaign',
      objectId: input.campaignId,
      details: { length: input.narrative.length },
    });
    return {
      campaignId: input.campaignId,
      narrative: input.narrative,
      updatedAt: values.updated_at,
    };
  });
}
