import type { UserUpdate } from '../../db/database.js';
import type {
  ChangePasswordInput,
  CreateUserInput,
  UpdateOwnSettingsInput,
  UpdateUserInput,
  User,
} from '../../shared/schemas/users.js';
import { createUserInput } from '../../shared/schemas/users.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './passwords.js';
import { presentUser } from './users.presenter.js';
import {
  countActiveAdmins,
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  insertUser,
  listUserRows,
  updateUserRow,
  type UserFilter,
} from './users.repository.js';

/**
 * Creates a staff account. Admins only (or the system: CLI, first-run setup).
 * @throws EMAIL_TAKEN, WEAK_PASSWORD, FORBIDDEN
 */
export async function createUser(ctx: Ctx, raw: CreateUserInput): Promise<User> {
  assertRole(ctx, 'admin');
  const input = parseInput(createUserInput, raw);
  assertPasswordAcceptable(input.password, input);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    if (await findUserByEmail(tx.db, input.email)) {
      throw new AppError('EMAIL_TAKEN', `An account already uses ${input.email}`, {
        field: 'email',
      });
    }
    const now = tx.now().toISOString();
    const row = await insertUser(tx.db, {
      email: input.email,
      name: input.name,
      role: input.role,
      language: input.language,
      password_hash: passwordHash,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(tx, {
      action: 'user.create',
      objectType: 'user',
      objectId: row.id,
      details: { email: row.email, role: row.role },
    });
    return presentUser(row);
  });
}

/** @throws NOT_FOUND, FORBIDDEN */
export async function getUser(ctx: Ctx, id: number): Promise<User> {
  assertRole(ctx, 'admin', 'coordinator');
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound('User', id);
  return presentUser(row);
}

/** A page of staff accounts, by name. Admins and coordinators (who assign callers). */
export async function listUsers(
  ctx: Ctx,
  filter: UserFilter,
  page: { limit: number; offset: number },
): Promise<{ items: User[]; total: number }> {
  assertRole(ctx, 'admin', 'coordinator');
  const { rows, total } = await listUserRows(ctx.db, filter, page);
  return { items: rows.map(presentUser), total };
}

/**
 * Changes another account: name, e-mail, role, language, disabled, password. Admins only.
 * Disabling or resetting the password ends the account's sessions. The last active admin can be
 * neither disabled nor demoted.
 * @throws NOT_FOUND, EMAIL_TAKEN, LAST_ADMIN, WEAK_PASSWORD, FORBIDDEN
 */
export async function updateUser(ctx: Ctx, id: number, input: UpdateUserInput): Promise<User> {
  assertRole(ctx, 'admin');
  const passwordHash =
    input.password === undefined ? undefined : await hashPassword(input.password);
  return inTransaction(ctx, async (tx) => {
    const current = await findUserById(tx.db, id);
    if (!current) throw notFound('User', id);
    if (input.password !== undefined) {
      assertPasswordAcceptable(input.password, {
        email: input.email ?? current.email,
        name: input.name ?? current.name,
      });
    }
    if (input.email !== undefined && input.email !== current.email) {
      const other = await findUserByEmail(tx.db, input.email);
      if (other)
        throw new AppError('EMAIL_TAKEN', `An account already uses ${input.email}`, {
          field: 'email',
        });
    }
    const losesAdmin =
      current.role === 'admin' &&
      current.disabled_at === null &&
      ((input.role !== undefined && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && (await countActiveAdmins(tx.db)) <= 1) {
      throw new AppError(
        'LAST_ADMIN',
        'The last active admin cannot be disabled or given another role',
      );
    }
    const now = tx.now().toISOString();
    const changes: UserUpdate = { updated_at: now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.email !== undefined) changes.email = input.email;
    if (input.role !== undefined) changes.role = input.role;
    if (input.language !== undefined) changes.language = input.language;
    if (input.disabled !== undefined) {
      changes.disabled_at = input.disabled ? (current.disabled_at ?? now) : null;
    }
    if (passwordHash !== undefined) {
      changes.password_hash = passwordHash;
      changes.password_changed_at = now;
    }
    const row = await updateUserRow(tx.db, id, changes);
    if (input.disabled === true || passwordHash !== undefined)
      await deleteSessionsOfUser(tx.db, id);
    const { password: _password, ...audited } = input;
    await recordAudit(tx, {
      action: input.disabled === true ? 'user.disable' : 'user.update',
      objectType: 'user',
      objectId: id,
      details: { ...audited, ...(passwordHash !== undefined ? { passwordReset: true } : {}) },
    });
    return presentUser(row);
  });
}

function requireActor(ctx: Ctx) {
  if (ctx.actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.actor;
}

/** The signed-in staff member's own settings: name, interface language, calling languages. */
export async function updateOwnSettings(ctx: Ctx, input: UpdateOwnSettingsInput): Promise<User> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const changes: UserUpdate = { updated_at: tx.now().toISOString() };
    if (input.name !== undefined) changes.name = input.name;
    if (input.language !== undefined) changes.language = input.language;
    if (input.callScheme !== undefined) changes.call_scheme = input.callScheme;
    if (input.callLanguages !== undefined) {
      changes.call_languages = JSON.stringify([...new Set(input.callLanguages)]);
    }
    const row = await updateUserRow(tx.db, actor.id, changes);
    await recordAudit(tx, {
      action: 'user.update_settings',
      objectType: 'user',
      objectId: actor.id,
      details: input,
    });
    return presentUser(row);
  });
}

/**
 * Changes the signed-in staff member's password after checking the current one; ends their other
 * sessions. @throws INVALID_CREDENTIALS, WEAK_PASSWORD
 */
export async function changeOwnPassword(
  ctx: Ctx,
  input: ChangePasswordInput,
  currentSessionId: string | undefined,
): Promise<void> {
  const actor = requireActor(ctx);
  const current = await findUserById(ctx.db, actor.id);
  if (!current || !(await verifyPassword(current.password_hash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is not right', {
      field: 'currentPassword',
    });
  }
  assertPasswordAcceptable(input.newPassword, current);
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    await updateUserRow(tx.db, actor.id, {
      password_hash: passwordHash,
      password_changed_at: now,
      updated_at: now,
    });
    await deleteSessionsOfUser(tx.db, actor.id, currentSessionId);
    await recordAudit(tx, {
      action: 'user.change_password',
      objectType: 'user',
      objectId: actor.id,
    });
  });
}
