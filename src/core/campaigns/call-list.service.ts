import { sql, type ExpressionBuilder } from 'kysely';
import { engineOf } from '../../db/client.js';
import type { CampaignRow, Database } from '../../db/database.js';
import type { Audience, Campaign, PriorityRule } from '../../shared/schemas/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import { REGION_TIME_ZONES } from '../calling/calling-hours.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { assertRole } from '../policy.js';
import {
  audienceCondition,
  priorityExpression,
  reachableCondition,
  withDefaultStatuses,
} from './audience.js';
import { presentCampaign } from './campaigns.presenter.js';
import { callListSizes, findCampaign } from './campaigns.repository.js';

/** A campaign's call list: built from the audience at launch, grown (never shrunk) by refresh. */

/** The patron's time zone from their province, for calling hours; null: the library's. */
function regionTimeZone(eb: ExpressionBuilder<Database, 'patrons'>) {
  let chain = eb
    .case('region')
    .when('ON')
    .then(sql<string | null>`'America/Toronto'`);
  for (const [region, zone] of Object.entries(REGION_TIME_ZONES)) {
    if (region !== 'ON') chain = chain.when(region).then(sql<string | null>`${sql.lit(zone)}`);
  }
  return chain.else(null).end();
}

/** Adds every reachable patron of the audience not yet on the call list; never removes anyone. */
async function addToCallList(ctx: Ctx, row: CampaignRow): Promise<number> {
  const today = ctx.now();
  const now = today.toISOString();
  const audience = withDefaultStatuses(JSON.parse(row.audience) as Audience);
  const rules = JSON.parse(row.priorities) as PriorityRule[];
  const addedAt =
    engineOf(ctx.db) === 'postgres'
      ? sql<string>`cast(${now} as timestamptz)`
      : sql<string>`${now}`;
  const result = await ctx.db
    .insertInto('call_list')
    .columns([
      'campaign_id',
      'patron_id',
      'household_id',
      'priority',
      'state',
      'attempts',
      'added_at',
      'time_zone',
    ])
    .expression((db) =>
      db
        .selectFrom('patrons')
        .select((eb) => [
          eb.lit(row.id).as('campaign_id'),
          'id',
          'household_id',
          priorityExpression(eb, rules, today).as('priority'),
          sql<string>`'waiting'`.as('state'),
          eb.lit(0).as('attempts'),
          addedAt.as('added_at'),
          regionTimeZone(eb).as('time_zone'),
        ])
        .where((eb) =>
          eb.and([
            audienceCondition(eb, audience, today, { campaignId: row.id }),
            reachableCondition(eb, row.channel),
          ]),
        ),
    )
    .onConflict((oc) => oc.columns(['campaign_id', 'patron_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Launches a draft: builds its call list from the audience, in priority order, and opens it to
 * callers. @throws NOT_FOUND, CONFLICT (not a draft), UNPROCESSABLE (no script for a phone campaign, empty audience)
 */
export async function launchCampaign(ctx: Ctx, id: number): Promise<Campaign> {
  assertRole(ctx, 'admin', 'coordinator');
  return inTransaction(ctx, async (tx) => {
    const row = await findCampaign(tx.db, id);
    if (!row) throw notFound('Campaign', id);
    if (row.status !== 'draft')
      throw new AppError(
        'CONFLICT',
        `Only a draft can be launched; this campaign is ${row.status}`,
      );
    if (row.channel !== 'email' && row.script_id === null)
      throw new AppError(
        'UNPROCESSABLE',
        'Choose a call script before launching a phone campaign',
        { field: 'scriptId' },
      );
    const added = await addToCallList(tx, row);
    if (added === 0)
      throw new AppError(
        'UNPROCESSABLE',
        'The audience has no patron who can be reached; widen it before launching',
        { field: 'audience' },
      );
    const now = tx.now().toISOString();
    const launched = await tx.db
      .updateTable('campaigns')
      .set({ status: 'active', launched_at: now, updated_at: now })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'campaign.launch',
      objectType: 'campaign',
      objectId: id,
      details: { callList: added },
    });
    return presentCampaign(launched, added);
  });
}

/** Adds newly matching patrons to a running campaign's call list. @throws NOT_FOUND, CONFLICT */
export async function refreshCallList(
  ctx: Ctx,
  id: number,
): Promise<{ added: number; campaign: Campaign }> {
  assertRole(ctx, 'admin', 'coordinator');
  return inTransaction(ctx, async (tx) => {
    const row = await findCampaign(tx.db, id);
    if (!row) throw notFound('Campaign', id);
    if (row.status !== 'active' && row.status !== 'paused')
      throw new AppError('CONFLICT', 'Only a running campaign’s call list can be refreshed');
    const added = await addToCallList(tx, row);
    await recordAudit(tx, {
      action: 'campaign.refresh',
      objectType: 'campaign',
      objectId: id,
      details: { added },
    });
    return {
      added,
      campaign: presentCampaign(row, (await callListSizes(tx.db, [id])).get(id) ?? 0),
    };
  });
}
