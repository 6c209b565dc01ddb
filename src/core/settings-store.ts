import type { z } from 'zod';
import type { Db } from '../db/database.js';
import type { Ctx } from './context.js';

/**
 * Settings documents kept as JSON in the settings table, one row per key (library, mail,
 * telephony). Readers get the defaults for anything never saved — or saved by an older version
 * and no longer valid — so a settings page always opens.
 */
export async function readSettings<T extends object>(
  db: Db,
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
): Promise<T> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return defaults;
  const parsed = schema.safeParse({ ...defaults, ...(JSON.parse(row.value) as object) });
  return parsed.success ? parsed.data : defaults;
}

/** Saves a settings document, with who saved it and when. */
export async function writeSettings(ctx: Ctx, key: string, value: object): Promise<void> {
  const values = {
    value: JSON.stringify(value),
    updated_by: ctx.actor?.id ?? null,
    updated_at: ctx.now().toISOString(),
  };
  await ctx.db
    .insertInto('settings')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}
