import path from 'node:path';
import pino from 'pino';
import { ensureStarterContent } from '../core/campaigns/starter-content.js';
import { mailDepsOf } from '../core/email/mail-deps.js';
import { MailWorker } from '../core/email/worker.js';
import { FollowUpJobs } from '../core/followups/jobs.js';
import { markInterruptedImports } from '../core/patrons/import/import.service.js';
import { DEFAULT_READ_LIMITS } from '../core/patrons/import/readers/index.js';
import { issueSetupToken } from '../core/auth/setup.service.js';
import type { Config } from '../config/env.js';
import { openDatabase } from '../db/client.js';
import { migrateToLatest } from '../db/migrate.js';
import { buildApp } from './app.js';
import { defaultWebDir } from './paths.js';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Outreach Desk: opens and migrates the database, prints the first-run setup link when no
 * admin exists, listens, and stops gracefully on SIGINT/SIGTERM (in-flight requests finish, then
 * the database closes).
 */
export async function startServer(config: Config): Promise<RunningServer> {
  const log = pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  });
  const database = openDatabase(config.database, (error) =>
    log.error({ err: error }, 'database pool error'),
  );
  const applied = await migrateToLatest(database.db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  await ensureStarterContent({ db: database.db, actor: null, now: () => new Date(), log });
  const interrupted = await markInterruptedImports(database.db, new Date());
  if (interrupted > 0)
    log.warn(
      { interrupted },
      'imports stopped by a crash or restart: import the same file again to resume',
    );

  const mail = mailDepsOf(config);
  const worker = new MailWorker({ db: database.db, now: () => new Date(), log, mail });
  mail.wake = () => worker.wake();
  const followUps = new FollowUpJobs({
    db: database.db,
    now: () => new Date(),
    log,
    publicUrl: config.publicUrl,
    wakeMail: () => worker.wake(),
  });

  const app = await buildApp({
    db: database.db,
    now: () => new Date(),
    sessions: { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
    secure: config.secure,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    uploadsDir: path.join(config.dataDir, 'uploads'),
    maxUploadBytes: DEFAULT_READ_LIMITS.maxFileBytes,
    defaultRegion: config.phoneDefaultRegion,
    mail,
    wakeFollowUps: () => followUps.wake(),
    webDir: defaultWebDir(),
    logger: log,
  });
  await app.listen({ port: config.port, host: config.host });
  worker.start();
  followUps.start();

  const setupToken = await issueSetupToken({
    db: database.db,
    actor: null,
    now: () => new Date(),
    log,
  });
  if (setupToken !== undefined) {
    // Printed, not logged as data, so the token does not land in log aggregators by field.
    process.stdout.write(
      `\nOutreach Desk has no admin yet. Open this link within 24 hours to create one:\n\n  ${config.publicUrl}/setup#token=${setupToken}\n\n`,
    );
  }
  log.info({ url: config.publicUrl, engine: database.engine }, 'Outreach Desk is ready');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      log.info('shutting down');
      await app.close();
      await followUps.stop();
      await worker.stop();
      await database.close();
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  return { url: config.publicUrl, stop };
}
