import type { Actor } from '../../src/core/context.js';
import { actorOf } from '../../src/core/auth/auth.service.js';
import { hashPassword } from '../../src/core/users/passwords.js';
import type { Db } from '../../src/db/database.js';
import type { Role } from '../../src/shared/roles.js';

export const STAFF_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
let sequence = 0;

/** Inserts a staff account directly (no audit), with STAFF_PASSWORD. */
export async function createStaff(
  db: Db,
  role: Role,
  overrides: { name?: string; email?: string; language?: string; disabled?: boolean } = {},
): Promise<Actor & { password: string }> {
  passwordHash ??= hashPassword(STAFF_PASSWORD);
  sequence += 1;
  const now = new Date().toISOString();
  const row = await db
    .insertInto('users')
    .values({
      email: overrides.email ?? `${role}${sequence}@library.example.org`,
      name: overrides.name ?? `${role[0]?.toUpperCase() ?? ''}${role.slice(1)} ${sequence}`,
      role,
      language: overrides.language ?? 'en',
      password_hash: await passwordHash,
      disabled_at: overrides.disabled === true ? now : null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...actorOf(row), password: STAFF_PASSWORD };
}
