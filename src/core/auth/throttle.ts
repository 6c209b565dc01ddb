import type { Db } from '../../db/database.js';

/**
 * Sign-in throttling (TRUST SC-3). Failures are counted in a sliding window; past a threshold the
 * next attempt must wait, doubling each time up to a cap. Keys: the (account, address) pair, the
 * address alone, and the account across all addresses. The account-wide rule only slows attempts
 * (a short, capped wait), so an attacker can never lock a real staff member out.
 */
export const THROTTLE_WINDOW_MS = 15 * 60_000;

interface Rule {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
}
const PAIR: Rule = { freeFailures: 5, baseDelayMs: 2_000, maxDelayMs: 15 * 60_000 };
const ADDRESS: Rule = { freeFailures: 30, baseDelayMs: 5_000, maxDelayMs: 15 * 60_000 };
const ACCOUNT: Rule = { freeFailures: 20, baseDelayMs: 1_000, maxDelayMs: 30_000 };

function waitMs(
  rule: Rule,
  failures: number,
  lastFailureAt: number | undefined,
  now: number,
): number {
  if (failures < rule.freeFailures || lastFailureAt === undefined) return 0;
  const delay = Math.min(rule.maxDelayMs, rule.baseDelayMs * 2 ** (failures - rule.freeFailures));
  return Math.max(0, lastFailureAt + delay - now);
}

async function failureStats(
  db: Db,
  where: { email?: string; ip?: string },
  since: string,
): Promise<{ failures: number; last: number | undefined }> {
  let query = db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<string | null>('at').as('last')])
    .where('succeeded', '=', 0)
    .where('at', '>', since);
  if (where.email !== undefined) query = query.where('email', '=', where.email);
  if (where.ip !== undefined) query = query.where('ip', '=', where.ip);
  const row = await query.executeTakeFirstOrThrow();
  return { failures: row.n, last: row.last === null ? undefined : Date.parse(row.last) };
}

/** How many seconds the caller must wait before this sign-in attempt may be tried (0: go ahead). */
export async function signInWaitSeconds(
  db: Db,
  email: string,
  ip: string,
  now: Date,
): Promise<number> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const t = now.getTime();
  const [pair, address, account] = await Promise.all([
    failureStats(db, { email, ip }, since),
    failureStats(db, { ip }, since),
    failureStats(db, { email }, since),
  ]);
  const wait = Math.max(
    waitMs(PAIR, pair.failures, pair.last, t),
    waitMs(ADDRESS, address.failures, address.last, t),
    waitMs(ACCOUNT, account.failures, account.last, t),
  );
  return Math.ceil(wait / 1000);
}

export async function recordSignInAttempt(
  db: Db,
  attempt: { email: string; ip: string; at: Date; succeeded: boolean },
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({
      email: attempt.email,
      ip: attempt.ip,
      at: attempt.at.toISOString(),
      succeeded: attempt.succeeded ? 1 : 0,
    })
    .execute();
  if (attempt.succeeded) {
    // A success clears this pair's failures; old rows are dropped so the table stays small.
    const dayAgo = new Date(attempt.at.getTime() - 24 * 3600_000).toISOString();
    await db
      .deleteFrom('login_attempts')
      .where((eb) =>
        eb.or([
          eb.and([
            eb('email', '=', attempt.email),
            eb('ip', '=', attempt.ip),
            eb('succeeded', '=', 0),
          ]),
          eb('at', '<', dayAgo),
        ]),
      )
      .execute();
  }
}
