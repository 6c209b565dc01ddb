import { z } from 'zod';
import type { ServiceRow } from '../../db/database.js';
import type { Service } from '../../shared/schemas/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';

/** The library's services catalogue (eNewsletter, curbside…), told about and offered on calls. */

const translations = z.record(z.string().regex(/^[a-z]{2}$/), z.string().trim().max(2000));
export const serviceInput = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'must be lower-case letters, digits and dashes'),
  name: translations.refine(
    (t) => Object.values(t).some((v) => v.length > 0),
    'needs a name in at least one language',
  ),
  description: translations.default({}),
  talkingPoint: translations.default({}),
  link: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  active: z.boolean().default(true),
  /** Wanting help with it on a call raises a follow-up task for the caller. */
  raisesTask: z.boolean().default(false),
});
export type ServiceInput = z.input<typeof serviceInput>;

export function presentService(row: ServiceRow): Service {
  return {
    id: row.id,
    key: row.key,
    name: JSON.parse(row.name) as Record<string, string>,
    description: JSON.parse(row.description) as Record<string, string>,
    talkingPoint: JSON.parse(row.talking_point) as Record<string, string>,
    link: row.link,
    active: row.active === 1,
    raisesTask: row.raises_task === 1,
  };
}

/** Every service, in catalogue order. Any signed-in staff member (callers tick them on calls). */
export async function listServices(
  ctx: Ctx,
  options: { includeInactive?: boolean } = {},
): Promise<Service[]> {
  let query = ctx.db.selectFrom('services').selectAll().orderBy('position').orderBy('id');
  if (options.includeInactive !== true) query = query.where('active', '=', 1);
  return (await query.execute()).map(presentService);
}

/** @throws CONFLICT (key taken), VALIDATION_FAILED, FORBIDDEN */
export async function createService(ctx: Ctx, raw: ServiceInput): Promise<Service> {
  assertRole(ctx, 'admin', 'coordinator');
  const input = parseInput(serviceInput, raw);
  return inTransaction(ctx, async (tx) => {
    const taken = await tx.db
      .selectFrom('services')
      .select('id')
      .where('key', '=', input.key)
      .executeTakeFirst();
    if (taken)
      throw new AppError('CONFLICT', `A service with the key "${input.key}" already exists`, {
        field: 'key',
      });
    const last = await tx.db
      .selectFrom('services')
      .select((eb) => eb.fn.max<number | null>('position').as('p'))
      .executeTakeFirstOrThrow();
    const now = tx.now().toISOString();
    const row = await tx.db
      .insertInto('services')
      .values({
        key: input.key,
        name: JSON.stringify(input.name),
        description: JSON.stringify(input.description),
        talking_point: JSON.stringify(input.talkingPoint),
        link: input.link,
        active: input.active ? 1 : 0,
        raises_task: input.raisesTask ? 1 : 0,
        position: (last.p ?? 0) + 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'service.create',
      objectType: 'service',
      objectId: row.id,
      details: { key: input.key },
    });
    return presentService(row);
  });
}

/** @throws NOT_FOUND, VALIDATION_FAILED, FORBIDDEN */
export async function updateService(
  ctx: Ctx,
  id: number,
  raw: Partial<ServiceInput>,
): Promise<Service> {
  assertRole(ctx, 'admin', 'coordinator');
  const parsed = parseInput(serviceInput.omit({ key: true }).partial(), raw);
  // Only what was sent changes: the schema's defaults must not reset the fields left out.
  const sent = new Set(Object.keys(raw));
  const input = Object.fromEntries(
    Object.entries(parsed).filter(([field]) => sent.has(field)),
  ) as Partial<typeof parsed>;
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('services')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!current) throw notFound('Service', id);
    const row = await tx.db
      .updateTable('services')
      .set({
        ...(input.name ? { name: JSON.stringify(input.name) } : {}),
        ...(input.description ? { description: JSON.stringify(input.description) } : {}),
        ...(input.talkingPoint ? { talking_point: JSON.stringify(input.talkingPoint) } : {}),
        ...(input.link !== undefined ? { link: input.link } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        ...(input.raisesTask !== undefined ? { raises_task: input.raisesTask ? 1 : 0 } : {}),
        updated_at: tx.now().toISOString(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'service.update',
      objectType: 'service',
      objectId: id,
      details: input,
    });
    return presentService(row);
  });
}
