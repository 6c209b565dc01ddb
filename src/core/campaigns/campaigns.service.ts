import { sql } from 'kysely';
import { engineOf } from '../../db/client.js';
import type { ExpressionBuilder } from 'kysely';
import type { CampaignRow, Database, Db } from '../../db/database.js';
import {
  audienceSchema,
  campaignSettingsSchema,
  channelSchema,
  priorityRuleSchema,
  updateCampaignInput,
  type AudiencePreview,
  type Campaign,
  type CampaignSummary,
  type CreateCampaignInput,
  type UpdateCampaignInput,
} from '../../shared/schemas/campaigns.js';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, forbidden, notFound, parseInput } from '../errors.js';
import { assertRole, hasRole } from '../policy.js';
import {
  audienceCondition,
  priorityExpression,
  reachableCondition,
  withDefaultStatuses,
} from './audience.js';
import { presentCampaign, summariseCampaign } from './campaigns.presenter.js';
import {
  callListSizes,
  findCampaign,
  insertCampaign,
  settingsColumns,
} from './campaigns.repository.js';
import { ageBand } from '../patrons/import/normalise/age.js';
import { REGION_TIME_ZONES } from '../calling/calling-hours.js';

/** Checks that the script and services a campaign names exist. */
async function assertReferences(
  db: Db,
  s: { scriptId?: number | null | undefined; serviceKeys?: string[] | undefined },
): Promise<void> {
  if (s.scriptId !== undefined && s.scriptId !== null) {
    const script = await db
      .selectFrom('scripts')
      .select('id')
      .where('id', '=', s.scriptId)
      .executeTakeFirst();
    if (!script)
      throw new AppError('VALIDATION_FAILED', `Script ${s.scriptId} does not exist`, {
        field: 'scriptId',
      });
  }
  if (s.serviceKeys && s.serviceKeys.length > 0) {
    const found = await db
      .selectFrom('services')
      .select('key')
      .where('key', 'in', s.serviceKeys)
      .execute();
    const missing = s.serviceKeys.filter((k) => !found.some((f) => f.key === k));
    if (missing.length > 0)
      throw new AppError('VALIDATION_FAILED', `Unknown services: ${missing.join(', ')}`, {
        field: 'serviceKeys',
      });
  }
}

/** Creates a draft campaign. Coordinators and admins. @throws VALIDATION_FAILED */
export async function createCampaign(ctx: Ctx, raw: CreateCampaignInput): Promise<Campaign> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(campaignSettingsSchema, raw);
  await assertReferences(ctx.db, input);
  return inTransaction(ctx, async (tx) => {
    const row = await insertCampaign(tx.db, input, {
      createdBy: tx.actor?.id ?? null,
      now: tx.now().toISOString(),
    });
    await recordAudit(tx, {
      action: 'campaign.create',
      objectType: 'campaign',
      objectId: row.id,
      details: { name: row.name },
    });
    return presentCampaign(row, 0);
  });
}

/** Changes a campaign's settings; a closed campaign cannot change. @throws NOT_FOUND, CONFLICT, VALIDATION_FAILED */
export async function updateCampaign(
  ctx: Ctx,
  id: number,
  raw: UpdateCampaignInput,
): Promise<Campaign> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(updateCampaignInput, raw);
  await assertReferences(ctx.db, input);
  return inTransaction(ctx, async (tx) => {
    const current = await findCampaign(tx.db, id);
    if (!current) throw notFound('Campaign', id);
    if (current.status === 'closed')
      throw new AppError('CONFLICT', 'A closed campaign cannot be changed');
    const row = await tx.db
      .updateTable('campaigns')
      .set({ ...settingsColumns(input), updated_at: tx.now().toISOString() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'campaign.update',
      objectType: 'campaign',
      objectId: id,
      details: { fields: Object.keys(input) },
    });
    return presentCampaign(row, (await callListSizes(tx.db, [id])).get(id) ?? 0);
  });
}

/** Whether a caller may work this campaign: it is running and they are among its callers. */
export function callerMayWork(ctx: Ctx, row: CampaignRow): boolean {
  if (row.status !== 'active' && row.status !== 'paused') return false;
  const ids = row.caller_ids === null ? null : (JSON.parse(row.caller_ids) as number[]);
  return ids === null || (ctx.actor !== null && ids.includes(ctx.actor.id));
}

/**
 * One campaign with its purpose, script, services and training. Coordinators and admins see any;
 * callers only those they may work; viewers none (they get summaries). @throws NOT_FOUND, FORBIDDEN
 */
export async function getCampaign(ctx: Ctx, id: number): Promise<Campaign> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  const row = await findCampaign(ctx.db, id);
  if (!row) throw notFound('Campaign', id);
  if (!hasRole(ctx, 'admin', 'coordinator') && !callerMayWork(ctx, row))
    throw forbidden('You are not one of this campaign’s callers');
  return presentCampaign(row, (await callListSizes(ctx.db, [id])).get(id) ?? 0);
}

/** Campaign names and sizes: all of them for coordinators, admins and viewers; a caller's own for callers. */
export async function listCampaigns(ctx: Ctx): Promise<CampaignSummary[]> {
  const rows = await ctx.db
    .selectFrom('campaigns')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const visible = hasRole(ctx, 'admin', 'coordinator', 'viewer')
    ? rows
    : rows.filter((r) => callerMayWork(ctx, r));
  const sizes = await callListSizes(
    ctx.db,
    visible.map((r) => r.id),
  );
  return visible.map((r) => summariseCampaign(r, sizes.get(r.id) ?? 0));
}

export const previewAudienceInput = z.object({
  audience: audienceSchema,
  priorities: z.array(priorityRuleSchema).max(20).default([]),
  channel: channelSchema.default('phone'),
  campaignId: z.number().int().optional(),
});
export type PreviewAudienceInput = z.input<typeof previewAudienceInput>;

/**
 * How many patrons an audience reaches on a channel (households, with phone, with e-mail, by
 * priority) and a sample of the first ten in calling order. The sample shows names: audited.
 */
export async function previewAudience(
  ctx: Ctx,
  raw: PreviewAudienceInput,
): Promise<AudiencePreview> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(previewAudienceInput, raw);
  const today = ctx.now();
  const audience = withDefaultStatuses(input.audience);
  const base = ctx.db
    .selectFrom('patrons')
    .where((eb) =>
      eb.and([
        audienceCondition(
          eb,
          audience,
          today,
          input.campaignId === undefined ? {} : { campaignId: input.campaignId },
        ),
        reachableCondition(eb, input.channel),
      ]),
    );
  const counts = await base
    .select((eb) => [
      eb.fn.countAll<number>().as('count'),
      eb.fn.count<number>('household_id').distinct().as('households'),
      eb.fn
        .sum<number | null>(eb.case().when('household_id', 'is', null).then(1).else(0).end())
        .as('alone'),
      eb.fn.count<number>('primary_phone').as('withPhone'),
      eb.fn
        .sum<number | null>(eb.case().when('emails', '!=', '[]').then(1).else(0).end())
        .as('withEmail'),
    ])
    .executeTakeFirstOrThrow();
  const ranked = base.select((eb) =>
    priorityExpression(eb, input.priorities, today).as('priority'),
  );
  const byPriority = await ctx.db
    .selectFrom(ranked.as('r'))
    .select(['r.priority', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('r.priority')
    .execute();
  const sample = await base
    .select((eb) => [
      'id',
      'first_name',
      'last_name',
      'preferred_name',
      'birth_date',
      'language',
      'branch',
      priorityExpression(eb, input.priorities, today).as('priority'),
    ])
    .orderBy('priority')
    .orderBy('birth_date')
    .orderBy('id')
    .limit(10)
    .execute();
  const label = (rank: number) =>
    input.priorities[rank]?.label ?? (input.priorities.length > 0 ? 'Everyone else' : 'Everyone');
  await recordAudit(ctx, {
    action: 'campaign.preview_audience',
    objectType: 'patron',
    details: { audience, shown: sample.map((s) => s.id) },
  });
  return {
    count: counts.count,
    households: counts.households + (counts.alone ?? 0),
    withPhone: counts.withPhone,
    withEmail: counts.withEmail ?? 0,
    byPriority: [...byPriority]
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0))
      .map((p) => ({ label: label(p.priority ?? 0), count: p.n })),
    sample: sample.map((s) => ({
      id: s.id,
      name: `${s.preferred_name ?? s.first_name} ${s.last_name}`,
      ageBand: s.birth_date === null ? null : ageBand(s.birth_date, today),
      language: s.language,
      branch: s.branch,
      priority: label(s.priority ?? 0),
    })),
  };
}

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
  const audience = withDefaultStatuses(JSON.parse(row.audience) as z.infer<typeof audienceSchema>);
  const rules = JSON.parse(row.priorities) as z.infer<typeof priorityRuleSchema>[];
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

const TRANSITIONS = {
  pause: ['active', 'paused'],
  resume: ['paused', 'active'],
  close: [null, 'closed'],
} as const;

/** pause: active → paused; resume: paused → active; close: draft, active or paused → closed. @throws NOT_FOUND, CONFLICT */
export async function changeCampaignStatus(
  ctx: Ctx,
  id: number,
  action: keyof typeof TRANSITIONS,
): Promise<Campaign> {
  assertRole(ctx, 'admin', 'coordinator');
  return inTransaction(ctx, async (tx) => {
    const row = await findCampaign(tx.db, id);
    if (!row) throw notFound('Campaign', id);
    const [from, to] = TRANSITIONS[action];
    if ((from !== null && row.status !== from) || row.status === 'closed') {
      throw new AppError(
        'CONFLICT',
        `A ${row.status} campaign cannot be ${to === 'active' ? 'resumed' : to}`,
      );
    }
    const now = tx.now().toISOString();
    const changed = await tx.db
      .updateTable('campaigns')
      .set({ status: to, updated_at: now, ...(to === 'closed' ? { closed_at: now } : {}) })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: `campaign.${action}`, objectType: 'campaign', objectId: id });
    return presentCampaign(changed, (await callListSizes(tx.db, [id])).get(id) ?? 0);
  });
}
