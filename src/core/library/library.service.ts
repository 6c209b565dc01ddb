import type { Db } from '../../db/database.js';
import {
  DEFAULT_LIBRARY_SETTINGS,
  librarySettingsSchema,
  type LibrarySettings,
} from '../../shared/schemas/library.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { assertRole } from '../policy.js';

const KEY = 'library';

/** The library's details; defaults until an admin sets them. Any signed-in staff member may read them. */
export async function getLibrarySettings(db: Db): Promise<LibrarySettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEY)
    .executeTakeFirst();
  if (!row) return DEFAULT_LIBRARY_SETTINGS;
  const parsed = librarySettingsSchema.safeParse({
    ...DEFAULT_LIBRARY_SETTINGS,
    ...(JSON.parse(row.value) as object),
  });
  return parsed.success ? parsed.data : DEFAULT_LIBRARY_SETTINGS;
}

/** Changes the library's details. Admins only. @throws VALIDATION_FAILED, FORBIDDEN */
export async function updateLibrarySettings(
  ctx: Ctx,
  changes: Partial<LibrarySettings>,
): Promise<LibrarySettings> {
  assertRole(ctx, 'admin');
  return inTransaction(ctx, async (tx) => {
    const next = parseInput(librarySettingsSchema, {
      ...(await getLibrarySettings(tx.db)),
      ...changes,
    });
    const values = {
      value: JSON.stringify(next),
      updated_by: tx.actor?.id ?? null,
      updated_at: tx.now().toISOString(),
    };
    await tx.db
      .insertInto('settings')
      .values({ key: KEY, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
    await recordAudit(tx, { action: 'library.update', objectType: 'library', details: changes });
    return next;
  });
}
