import type { CampaignRow, Db } from '../../db/database.js';
import {
  campaignSettingsSchema,
  updateCampaignInput,
  type Campaign,
  type CampaignSummary,
  type CreateCampaignInput,
  type UpdateCampaignInput,
} from '../../shared/schemas/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, forbidden, notFound, parseInput } from '../errors.js';
import { assertRole, hasRole } from '../policy.js';
import { presentCampaign, summariseCampaign } from './campaigns.presenter.js';
import {
  callListSizes,
  findCampaign,
  insertCampaign,
  settingsColumns,
} from './campaigns.repository.js';

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
