import type { Db } from '../db/database.js';
import type { Role } from '../shared/roles.js';

/** The staff member a use case acts for. `null` actor means the system itself (CLI, jobs). */
export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
}

/** The subset of a pino logger the core uses, so the core never depends on the server. */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * What every use case receives: `doThing(ctx, input)`. `db` may be a transaction; whoever owns
 * the unit of work opens it. `now` is injectable so tests can move the clock.
 */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  now: () => Date;
  log: Log;
  /** Where the request came from, for the audit log. */
  origin?: { ip?: string | undefined; requestId?: string | undefined };
}

export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

/** Runs `work` in a transaction unless `ctx.db` already is one; the callback gets a ctx bound to it. */
export async function inTransaction<T>(ctx: Ctx, work: (trx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}
