import type { Db, UserRow } from '../../db/database.js';
import type { Role } from '../../shared/roles.js';
import type { SignInInput, User } from '../../shared/schemas/users.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Actor, type Ctx } from '../context.js';
import { AppError } from '../errors.js';
import { dummyPasswordHash, verifyPassword } from '../users/passwords.js';
import { presentUser } from '../users/users.presenter.js';
import { findUserByEmail } from '../users/users.repository.js';
import { recordSignInAttempt, signInWaitSeconds } from './throttle.js';
import { hashToken, newToken } from './tokens.js';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface SignedIn {
  /** The secret for the session cookie; shown once, stored only as a hash. */
  token: string;
  sessionId: string;
  user: User;
  expiresAt: string;
}

/**
 * Checks e-mail and password and opens a server-side session (TRUST SC-3, SC-4).
 * Every attempt is recorded and audited; the error never says whether the account exists.
 * @throws TOO_MANY_ATTEMPTS (details.retryAfterSeconds), INVALID_CREDENTIALS
 */
export async function signIn(
  ctx: Ctx,
  input: SignInInput & { ip: string; userAgent?: string | undefined },
  policy: SessionPolicy,
): Promise<SignedIn> {
  const now = ctx.now();
  const email = input.email.trim().toLowerCase();
  const wait = await signInWaitSeconds(ctx.db, email, input.ip, now);
  if (wait > 0) {
    throw new AppError(
      'TOO_MANY_ATTEMPTS',
      `Too many failed sign-ins; try again in ${wait} seconds`,
      {
        retryAfterSeconds: wait,
      },
    );
  }
  const user = await findUserByEmail(ctx.db, email);
  const passwordOk = await verifyPassword(
    user?.password_hash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !passwordOk || user.disabled_at !== null) {
    await inTransaction(ctx, async (tx) => {
      await recordSignInAttempt(tx.db, { email, ip: input.ip, at: now, succeeded: false });
      await recordAudit(tx, {
        action: 'auth.sign_in_failed',
        objectType: 'user',
        objectId: user?.id ?? null,
        details: { email, reason: !user ? 'unknown' : !passwordOk ? 'password' : 'disabled' },
      });
    });
    throw new AppError('INVALID_CREDENTIALS', 'E-mail or password is not right');
  }
  const token = newToken();
  const sessionId = hashToken(token);
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3600_000).toISOString();
  await inTransaction({ ...ctx, actor: actorOf(user) }, async (tx) => {
    await recordSignInAttempt(tx.db, { email, ip: input.ip, at: now, succeeded: true });
    await tx.db
      .insertInto('sessions')
      .values({
        id: sessionId,
        user_id: user.id,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expiresAt,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await recordAudit(tx, { action: 'auth.sign_in', objectType: 'user', objectId: user.id });
  });
  return { token, sessionId, user: presentUser(user), expiresAt };
}

/** Ends the session behind `token`, if any. */
export async function signOut(ctx: Ctx, token: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const deleted = await tx.db
      .deleteFrom('sessions')
      .where('id', '=', hashToken(token))
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) > 0) {
      await recordAudit(tx, {
        action: 'auth.sign_out',
        objectType: 'user',
        objectId: ctx.actor?.id ?? null,
      });
    }
  });
}

export function actorOf(user: Pick<UserRow, 'id' | 'name' | 'email' | 'role'>): Actor {
  return { id: user.id, name: user.name, email: user.email, role: user.role as Role };
}

export interface ResolvedSession {
  sessionId: string;
  user: User;
  actor: Actor;
}

/**
 * Finds the live session behind a cookie token. Expired (idle or absolute) sessions and disabled
 * accounts are refused and their session deleted. Touches `last_seen_at` at most once a minute.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<ResolvedSession | null> {
  const sessionId = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.last_seen_at', 'sessions.expires_at'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return null;
  const idleDeadline = Date.parse(row.last_seen_at) + policy.idleMinutes * 60_000;
  if (
    row.disabled_at !== null ||
    Date.parse(row.expires_at) <= now.getTime() ||
    idleDeadline <= now.getTime()
  ) {
    await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', sessionId)
      .execute();
  }
  const { last_seen_at: _seen, expires_at: _expires, ...user } = row;
  return { sessionId, user: presentUser(user), actor: actorOf(user) };
}
