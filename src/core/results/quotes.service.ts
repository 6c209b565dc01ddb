import type { Db } from '../../db/database.js';
import {
  ANONYMOUS_ATTRIBUTION,
  QUOTE_STATUSES,
  updateQuoteInput,
  type Quote,
} from '../../shared/schemas/results.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole, hasRole } from '../policy.js';

/**
 * The quotes wall: what patrons said on calls, moderated by coordinators before anyone else sees
 * it. A quote is only ever shown with the attribution the patron allowed ("A patron", their first
 * name, or their full name), and only quotes the patron agreed to publish can be approved.
 */

export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export interface QuoteFilter {
  campaignId?: number | undefined;
  status?: QuoteStatus | undefined;
}

interface QuoteQuery extends QuoteFilter {
  /** Only quotes the patron agreed to publish. */
  consentedOnly?: boolean;
  /** Half-open range of `created_at` (ISO UTC). */
  createdFrom?: string | undefined;
  createdBefore?: string | undefined;
  limit?: number;
}

interface QuoteRow {
  id: number;
  campaign_id: number;
  campaign_name: string;
  text: string;
  consent: number;
  attribution: Quote['attribution'];
  status: QuoteStatus;
  created_at: string;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}

/** The name a quote is shown with, as the patron allowed: nobody, their first name, or their full name. */
export function attributionOf(
  attribution: Quote['attribution'],
  patron: { first_name: string; last_name: string; preferred_name: string | null },
): string {
  const first = patron.preferred_name?.trim() || patron.first_name.trim();
  switch (attribution) {
    case 'anonymous':
      return ANONYMOUS_ATTRIBUTION;
    case 'first_name':
      return first || ANONYMOUS_ATTRIBUTION;
    case 'full_name':
      return (
        [first, patron.last_name.trim()].filter((p) => p !== '').join(' ') || ANONYMOUS_ATTRIBUTION
      );
  }
}

function presentQuote(row: QuoteRow): Quote {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    campaignName: row.campaign_name,
    text: row.text,
    consent: row.consent === 1,
    attribution: row.attribution,
    attributedTo: attributionOf(row.attribution, row),
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Quotes with what their attribution needs — and nothing else about the patron. */
function quotesWithNames(db: Db) {
  return db
    .selectFrom('quotes')
    .innerJoin('campaigns', 'campaigns.id', 'quotes.campaign_id')
    .innerJoin('patrons', 'patrons.id', 'quotes.patron_id')
    .select([
      'quotes.id',
      'quotes.campaign_id',
      'campaigns.name as campaign_name',
      'quotes.text',
      'quotes.consent',
      'quotes.attribution',
      'quotes.status',
      'quotes.created_at',
      'patrons.first_name',
      'patrons.last_name',
      'patrons.preferred_name',
    ]);
}

/** Quotes, newest first, presented with their attribution applied. */
export async function findQuotes(db: Db, q: QuoteQuery): Promise<Quote[]> {
  let query = quotesWithNames(db);
  if (q.campaignId !== undefined) query = query.where('quotes.campaign_id', '=', q.campaignId);
  if (q.status !== undefined) query = query.where('quotes.status', '=', q.status);
  if (q.consentedOnly === true) query = query.where('quotes.consent', '=', 1);
  if (q.createdFrom !== undefined) query = query.where('quotes.created_at', '>=', q.createdFrom);
  if (q.createdBefore !== undefined) query = query.where('quotes.created_at', '<', q.createdBefore);
  query = query.orderBy('quotes.created_at', 'desc').orderBy('quotes.id', 'desc');
  if (q.limit !== undefined) query = query.limit(q.limit);
  const rows: QuoteRow[] = await query.execute();
  return rows.map(presentQuote);
}

/**
 * The quotes wall, newest first. Admins and coordinators see every quote, to moderate them;
 * viewers only approved ones (which the patron agreed to publish); callers none. The listing shows
 * patrons' names, so it is audited (TRUST SC-11).
 * @throws FORBIDDEN
 */
export async function listQuotes(ctx: Ctx, filter: QuoteFilter = {}): Promise<Quote[]> {
  assertRole(ctx, 'admin', 'coordinator', 'viewer');
  const moderator = hasRole(ctx, 'admin', 'coordinator');
  if (!moderator && filter.status !== undefined && filter.status !== 'approved') return [];
  const quotes = await findQuotes(ctx.db, {
    campaignId: filter.campaignId,
    status: moderator ? filter.status : 'approved',
    consentedOnly: !moderator,
  });
  await recordAudit(ctx, {
    action: 'quote.list',
    objectType: 'quote',
    details: { filter, shown: quotes.map((q) => q.id) },
  });
  return quotes;
}

/**
 * Approves, hides or sets back to pending a quote (admins and coordinators). A quote the patron
 * did not agree to publish can never be approved. Audited.
 * @throws NOT_FOUND, UNPROCESSABLE (no consent), VALIDATION_FAILED, FORBIDDEN
 */
export async function updateQuote(
  ctx: Ctx,
  id: number,
  raw: { status: QuoteStatus },
): Promise<Quote> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(updateQuoteInput, raw);
  return inTransaction(ctx, async (tx) => {
    const before = await tx.db
      .selectFrom('quotes')
      .select(['id', 'campaign_id', 'consent', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!before) throw notFound('Quote', id);
    if (input.status === 'approved' && before.consent !== 1) {
      throw new AppError(
        'UNPROCESSABLE',
        'This patron did not agree to have their words published, so the quote cannot be approved',
        { field: 'status', reason: 'NO_CONSENT' },
      );
    }
    if (before.status !== input.status) {
      await tx.db
        .updateTable('quotes')
        .set({ status: input.status })
        .where('id', '=', id)
        .execute();
    }
    await recordAudit(tx, {
      action: 'quote.update',
      objectType: 'quote',
      objectId: id,
      details: { campaignId: before.campaign_id, from: before.status, to: input.status },
    });
    const row: QuoteRow | undefined = await quotesWithNames(tx.db)
      .where('quotes.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('Quote', id);
    return presentQuote(row);
  });
}
