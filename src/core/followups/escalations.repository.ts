import type { EscalationRow } from '../../db/database.js';
import type { EscalationSummary } from '../../shared/schemas/followups.js';
import type { Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { actorId, displayName, isCoordinator } from './access.js';

/**
 * Reading and writing escalations for the use cases: the rows a reader may see (a caller only
 * those they raised) with the names lists show, and the lines of an escalation's timeline.
 */

export function escalationsQuery(ctx: Ctx) {
  let query = ctx.db
    .selectFrom('escalations')
    .innerJoin('patrons', 'patrons.id', 'escalations.patron_id')
    .leftJoin('campaigns', 'campaigns.id', 'escalations.campaign_id')
    .leftJoin('users as raisers', 'raisers.id', 'escalations.raised_by')
    .leftJoin('users as ackers', 'ackers.id', 'escalations.acknowledged_by')
    .selectAll('escalations')
    .select([
      'patrons.first_name',
      'patrons.last_name',
      'patrons.preferred_name',
      'campaigns.name as campaign_name',
      'raisers.name as raised_by_name',
      'ackers.name as acknowledged_by_name',
    ]);
  // A caller sees only the concerns they raised themselves.
  if (!isCoordinator(ctx)) query = query.where('escalations.raised_by', '=', actorId(ctx));
  return query;
}

export type EscalationListRow = EscalationRow & {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  campaign_name: string | null;
  raised_by_name: string | null;
  acknowledged_by_name: string | null;
};

export function presentSummary(row: EscalationListRow): EscalationSummary {
  return {
    id: row.id,
    level: row.level,
    source: row.source,
    status: row.status,
    patronId: row.patron_id,
    patronName: displayName(row),
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    raisedBy: row.raised_by_name,
    raisedAt: row.raised_at,
    notifications: row.notifications,
    acknowledgedBy: row.acknowledged_by_name,
    acknowledgedAt: row.acknowledged_at,
    closedAt: row.closed_at,
  };
}

export async function findEscalation(ctx: Ctx, id: number): Promise<EscalationListRow> {
  const row = await escalationsQuery(ctx).where('escalations.id', '=', id).executeTakeFirst();
  if (row) return row;
  const exists = await ctx.db
    .selectFrom('escalations')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (exists) throw new AppError('FORBIDDEN', 'Only coordinators and the caller who raised it');
  throw notFound('Escalation', id);
}

export async function addAction(
  tx: Ctx,
  id: number,
  kind: 'acknowledged' | 'action' | 'referred' | 'reopened' | 'closed' | 'notified',
  text: string,
  now: string,
): Promise<void> {
  await tx.db
    .insertInto('escalation_actions')
    .values({ escalation_id: id, author_id: tx.actor?.id ?? null, kind, text, at: now })
    .execute();
}
