import type { Db } from '../../db/database.js';
import type { CompleteSetupInput, User } from '../../shared/schemas/users.js';
import { completeSetupInput } from '../../shared/schemas/users.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { createUser } from '../users/users.service.js';
import { countActiveAdmins } from '../users/users.repository.js';
import { hashToken, newToken } from './tokens.js';

const SETUP_TOKEN_HOURS = 24;

/** True while no active admin exists: the app then offers first-run setup. */
export async function isSetupNeeded(db: Db): Promise<boolean> {
  return (await countActiveAdmins(db)) === 0;
}

/**
 * Issues a fresh one-time setup token when no admin exists (earlier unused ones stop working).
 * Returns undefined when setup is not needed. There is never a default password.
 */
export async function issueSetupToken(ctx: Ctx): Promise<string | undefined> {
  return inTransaction(ctx, async (tx) => {
    if (!(await isSetupNeeded(tx.db))) return undefined;
    const now = tx.now();
    const token = newToken();
    await tx.db
      .updateTable('setup_tokens')
      .set({ used_at: now.toISOString() })
      .where('used_at', 'is', null)
      .execute();
    await tx.db
      .insertInto('setup_tokens')
      .values({
        id: hashToken(token),
        created_at: now.toISOString(),
        expires_at: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3600_000).toISOString(),
        used_at: null,
      })
      .execute();
    await recordAudit(tx, { action: 'setup.issue_link', objectType: 'setup' });
    return token;
  });
}

/**
 * Creates the first admin from a valid setup link. The token works once.
 * @throws SETUP_ALREADY_DONE, FORBIDDEN (bad or expired token), WEAK_PASSWORD
 */
export async function completeSetup(ctx: Ctx, raw: CompleteSetupInput): Promise<User> {
  const { token, ...account } = parseInput(completeSetupInput, raw);
  return inTransaction(ctx, async (tx) => {
    if (!(await isSetupNeeded(tx.db))) {
      throw new AppError(
        'SETUP_ALREADY_DONE',
        'Outreach Desk already has an admin; sign in instead',
      );
    }
    const now = tx.now().toISOString();
    const used = await tx.db
      .updateTable('setup_tokens')
      .set({ used_at: now })
      .where('id', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) {
      throw new AppError(
        'FORBIDDEN',
        'This setup link is not valid or has expired; restart the app for a new one',
      );
    }
    const user = await createUser({ ...tx, actor: null }, { ...account, role: 'admin' });
    await recordAudit(tx, { action: 'setup.complete', objectType: 'user', objectId: user.id });
    return user;
  });
}
