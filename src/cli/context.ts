import { loadConfig, type Config } from '../config/env.js';
import { ensureStarterContent } from '../core/campaigns/starter-content.js';
import type { Ctx } from '../core/context.js';
import { openDatabase } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';

/** Console output for CLI commands: human lines on stdout, problems on stderr. */
export const cliLog: Ctx['log'] = {
  debug() {},
  info() {},
  warn(obj, msg) {
    process.stderr.write(`warning: ${msg ?? JSON.stringify(obj)}\n`);
  },
  error(obj, msg) {
    process.stderr.write(`error: ${msg ?? JSON.stringify(obj)}\n`);
  },
};

/**
 * Runs a command against the configured database, brought up to date first. The command acts as
 * the system (no signed-in actor): the CLI is for whoever runs the server.
 */
export async function withSystemCtx<T>(work: (ctx: Ctx, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const ctx = { db: database.db, actor: null, now: () => new Date(), log: cliLog };
    await ensureStarterContent(ctx);
    return await work(ctx, config);
  } finally {
    await database.close();
  }
}
