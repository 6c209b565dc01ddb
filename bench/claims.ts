// Claim-next under load (PERFORMANCE PA-5, PA-7): callers in a closed loop over HTTP against a real
// server, each claiming the next patron and releasing it, against the bare claim statement run in
// the same process on the same data.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn } from '../src/core/auth/auth.service.js';
import { acquireUnit } from '../src/core/calling/claims.repository.js';
import { createCampaign } from '../src/core/campaigns/campaigns.service.js';
import { launchCampaign } from '../src/core/campaigns/call-list.service.js';
import { ensureStarterContent } from '../src/core/campaigns/starter-content.js';
import { silentLog, type Ctx } from '../src/core/context.js';
import { loadDemo } from '../src/core/demo/demo.service.js';
import { createSealer } from '../src/core/secrets.js';
import { createUser } from '../src/core/users/users.service.js';
import { openDatabase, type OpenedDatabase } from '../src/db/client.js';
import type { DatabaseConfig } from '../src/config/env.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/server/app.js';

export interface ClaimBenchResult {
  engine: string;
  callers: number;
  /** Milliseconds each caller holds a patron before the next claim ("min-max"). */
  think: string;
  claims: number;
  doubles: number;
  http: { p50: number; p99: number; p999: number };
  bare: { p50: number; p99: number; p999: number };
}

function runLoad(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`load generator failed: ${err}`)),
    );
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
  };
};

async function prepare(
  database: OpenedDatabase,
  callers: number,
): Promise<{ campaignId: number; tokens: string[] }> {
  const ctx: Ctx = { db: database.db, actor: null, now: () => new Date(), log: silentLog };
  await migrateToLatest(database.db);
  await ensureStarterContent(ctx);
  await loadDemo(ctx, { patrons: 20_000, seed: 5, defaultRegion: 'CA' });
  const script = await database.db
    .selectFrom('scripts')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const open = {
    weekdayStart: '00:00',
    weekdayEnd: '23:59',
    weekendStart: '00:00',
    weekendEnd: '23:59',
  };
  const campaign = await createCampaign(ctx, {
    name: 'Load',
    purpose: 'Load test',
    legalAuthority: 'n/a',
    contact: 'n/a',
    scriptId: script.id,
    callingHours: open,
    audience: { statuses: ['active', 'expired'] },
  });
  await launchCampaign(ctx, campaign.id);
  const tokens: string[] = [];
  for (let i = 0; i < callers; i += 1) {
    const email = `loadcaller${i}@bench.example.org`;
    await createUser(ctx, {
      email,
      name: `Caller ${i}`,
      role: 'caller',
      password: 'load test passphrase',
    });
    const session = await signIn(
      ctx,
      { email, password: 'load test passphrase', ip: `10.0.${Math.floor(i / 250)}.${i % 250}` },
      { idleMinutes: 600, maxHours: 12 },
    );
    tokens.push(session.token);
  }
  return { campaignId: campaign.id, tokens };
}

/** Runs the closed loop for `seconds` and the bare statement reference; returns percentiles in ms. */
export async function benchClaims(
  config: DatabaseConfig,
  callers: number,
  seconds: number,
  think = '200-1000',
): Promise<ClaimBenchResult> {
  const database = openDatabase(config);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'od-claims-'));
  try {
    const { campaignId, tokens } = await prepare(database, callers);
    const app = await buildApp({
      db: database.db,
      now: () => new Date(),
      sessions: { idleMinutes: 600, maxHours: 12 },
      secure: false,
      publicUrl: 'http://127.0.0.1',
      trustProxy: false,
      uploadsDir: work,
      maxUploadBytes: 1024,
      defaultRegion: 'CA',
      mail: {
        publicUrl: 'http://127.0.0.1',
        sealer: createSealer(randomBytes(32)),
        logDir: path.join(work, 'mail'),
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const base = `http://127.0.0.1:${address.port}`;
    // Asynchronous on purpose: the server answering the load lives in this process.
    const load = await runLoad([
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'claims-load.mjs'),
      base,
      String(campaignId),
      JSON.stringify(tokens),
      String(seconds),
      think,
    ]);
    await app.close();
    const { latencies, holds } = JSON.parse(load) as {
      latencies: number[];
      holds: { unit: string; from: number; to: number }[];
    };
    let doubles = 0;
    const byUnit = new Map<string, { from: number; to: number }[]>();
    for (const h of holds) byUnit.set(h.unit, [...(byUnit.get(h.unit) ?? []), h]);
    for (const list of byUnit.values()) {
      list.sort((a, b) => a.from - b.from);
      for (let i = 1; i < list.length; i += 1)
        if ((list[i]?.from ?? 0) < (list[i - 1]?.to ?? 0)) doubles += 1;
    }
    // The reference: the bare claim statement, in process, on fresh unit keys.
    const bare: number[] = [];
    const caller = await database.db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'caller')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 2000; i += 1) {
      const now = new Date();
      const started = performance.now();
      await acquireUnit(database.db, {
        unitKey: `bench:${i}`,
        campaignId,
        callerId: caller.id,
        token: `t${i}`,
        now: now.toISOString(),
        expiresAt: new Date(now.getTime() + 300_000).toISOString(),
      });
      bare.push(performance.now() - started);
    }
    return {
      engine: config.engine,
      callers,
      think,
      claims: latencies.length,
      doubles,
      http: summary(latencies),
      bare: summary(bare),
    };
  } finally {
    await database.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
