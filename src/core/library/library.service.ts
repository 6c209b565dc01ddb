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
import { readSettings, writeSettings } from '../settings-store.js';

const KEY = 'library';

/** The library's details; defaults until an admin sets them. Any signed-in staff member may read them. */
export function getLibrarySettings(db: Db): Promise<LibrarySettings> {
  return readSettings(db, KEY, librarySettingsSchema, DEFAULT_LIBRARY_SETTINGS);
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
    await writeSettings(tx, KEY, next);
    await recordAudit(tx, { action: 'library.update', objectType: 'library', details: changes });
    return next;
  });
}
