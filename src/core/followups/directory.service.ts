import type { ReferralServiceRow } from '../../db/database.js';
import {
  referralServiceInput,
  type ReferralService,
  type ReferralServiceInput,
} from '../../shared/schemas/followups.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { STARTER_REFERRAL_SERVICES } from './starter.js';

/**
 * The library's directory of community services (211 Ontario, a local distress centre, Meals on
 * Wheels…): name, what it helps with, phone, website, languages, hours. Coordinators keep it.
 */

function presentService(row: ReferralServiceRow, referrals: number): ReferralService {
  return {
    id: row.id,
    name: row.name,
    helpsWith: row.helps_with,
    phone: row.phone,
    website: row.website,
    languages: JSON.parse(row.languages) as string[],
    hours: row.hours,
    notes: row.notes,
    archived: row.archived_at !== null,
    referrals,
  };
}

/** The directory, by name; archived entries only when asked. Any staff member but viewers. */
export async function listReferralServices(
  ctx: Ctx,
  options: { includeArchived?: boolean } = {},
): Promise<ReferralService[]> {
  assertRole(ctx, 'admin', 'coordinator', 'caller');
  let query = ctx.db.selectFrom('referral_services').selectAll();
  if (options.includeArchived !== true) query = query.where('archived_at', 'is', null);
  const rows = await query.orderBy('name').execute();
  const counts = await ctx.db
    .selectFrom('referrals')
    .select(['service_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('service_id')
    .execute();
  const byService = new Map(counts.map((c) => [c.service_id, c.n]));
  return rows.map((r) => presentService(r, byService.get(r.id) ?? 0));
}

function serviceColumns(input: ReturnType<typeof referralServiceInput.parse>, now: string) {
  return {
    name: input.name,
    helps_with: input.helpsWith,
    phone: input.phone,
    website: input.website,
    languages: JSON.stringify(input.languages),
    hours: input.hours,
    notes: input.notes,
    updated_at: now,
  };
}

async function assertServiceNameFree(ctx: Ctx, name: string, except?: number): Promise<void> {
  let query = ctx.db.selectFrom('referral_services').select('id').where('name', '=', name);
  if (except !== undefined) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst())
    throw new AppError('CONFLICT', `A service named “${name}” is already in the directory`, {
      field: 'name',
    });
}

/** Adds a service to the directory. Coordinators and admins. @throws VALIDATION_FAILED, CONFLICT */
export async function createReferralService(
  ctx: Ctx,
  raw: ReferralServiceInput,
): Promise<ReferralService> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(referralServiceInput, raw);
  return inTransaction(ctx, async (tx) => {
    await assertServiceNameFree(tx, input.name);
    const now = tx.now().toISOString();
    const row = await tx.db
      .insertInto('referral_services')
      .values({
        ...serviceColumns(input, now),
        archived_at: input.archived ? now : null,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'referral_service.create',
      objectType: 'referral_service',
      objectId: row.id,
      details: { name: row.name },
    });
    return presentService(row, 0);
  });
}

/** Edits (or archives) a directory entry. @throws NOT_FOUND, VALIDATION_FAILED, CONFLICT */
export async function updateReferralService(
  ctx: Ctx,
  id: number,
  raw: ReferralServiceInput,
): Promise<ReferralService> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(referralServiceInput, raw);
  return inTransaction(ctx, async (tx) => {
    const existing = await tx.db
      .selectFrom('referral_services')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!existing) throw notFound('Referral service', id);
    await assertServiceNameFree(tx, input.name, id);
    const now = tx.now().toISOString();
    const row = await tx.db
      .updateTable('referral_services')
      .set({
        ...serviceColumns(input, now),
        archived_at: input.archived ? (existing.archived_at ?? now) : null,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'referral_service.update',
      objectType: 'referral_service',
      objectId: id,
      details: { name: row.name, archived: input.archived },
    });
    const used = await tx.db
      .selectFrom('referrals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_id', '=', id)
      .executeTakeFirstOrThrow();
    return presentService(row, used.n);
  });
}

/** Seeds the directory with the province-wide services, once (a library edits or archives them). */
export async function ensureStarterReferralServices(ctx: Ctx): Promise<number> {
  const now = ctx.now().toISOString();
  let added = 0;
  for (const s of STARTER_REFERRAL_SERVICES) {
    const result = await ctx.db
      .insertInto('referral_services')
      .values({
        name: s.name,
        helps_with: s.helpsWith,
        phone: s.phone,
        website: s.website,
        languages: JSON.stringify(s.languages),
        hours: s.hours,
        notes: s.notes,
        starter_key: s.key,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}
