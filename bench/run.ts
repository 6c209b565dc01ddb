// `npm run bench` — performance goals (PERFORMANCE.md) measured as ratios against references run
// side by side on the same data. Prints a Markdown table for docs/benchmarks.md.
//   npm run bench                  PA-1, PA-2, PA-4, PA-5, PA-7, PA-8 at their stated sizes
//   npm run bench -- --rows 50000  smaller runs, for a quick look
//   npm run bench -- --large       adds PA-3 (3 million rows; several minutes)
//   npm run bench -- --emails 1000 PA-8 with fewer messages (default 5,000)
//   npm run bench -- --quota       adds PA-9 (the relay quota in real time; about 70 s)
//   npm run bench -- --only email  PA-8 (and PA-9 with --quota) alone; --only quota: PA-9 alone
//   npm run bench -- --stats       adds PA-10 (dashboard queries on 1M attempts; about 12 minutes)
//   npm run bench -- --only followups  what a call that hands on a concern and requests costs,
//                                  and the "My work" reads (no PA goal; measured, not judged)
//   npm run bench -- --only stats  PA-10 alone; --stats-attempts N (default 1,000,000),
//                                  --stats-repeats N (timed runs per scope, default 10)
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { benchClaims } from './claims.js';
import { benchFollowUps, type FollowUpBenchResult } from './followups.js';
import { benchStats, type ScopeResult } from './stats.js';
import {
  benchEmailQuota,
  benchEmailThroughput,
  startSink,
  type Sink,
  type ThroughputResult,
} from './email.js';
import {
  generatePatrons,
  KOHA_BORROWER_COLUMNS,
  kohaCsvLine,
  writePatronsCsv,
} from '../src/core/demo/synthetic-patrons.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rowsArg = args.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 300_000;
const emailsArg = args.indexOf('--emails');
const EMAILS = emailsArg >= 0 ? Number(args[emailsArg + 1]) : 5_000;
const onlyArg = args.indexOf('--only');
const ONLY = onlyArg >= 0 ? args[onlyArg + 1] : undefined;
const statsAttemptsArg = args.indexOf('--stats-attempts');
const STATS_ATTEMPTS = statsAttemptsArg >= 0 ? Number(args[statsAttemptsArg + 1]) : 1_000_000;
const statsRepeatsArg = args.indexOf('--stats-repeats');
const STATS_REPEATS = statsRepeatsArg >= 0 ? Number(args[statsRepeatsArg + 1]) : 10;
const XLSX_ROWS = Math.min(100_000, ROWS);
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'od-bench-'));
const results: string[] = [];
/** Printed after the table: what a row's numbers rest on. */
const notes: string[] = [];

interface AppRun {
  seconds: number;
  rows: number;
  inserted: number;
  rejected: number;
  peakRssMiB: number;
}

function timed(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * The real thing: the built `outreach patrons import` command, start-up and migrations included,
 * timed by GNU time for wall-clock seconds and peak resident memory.
 */
function appImport(file: string, databaseUrl: string): AppRun {
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %e %M',
      process.execPath,
      path.join(root, 'dist/cli.js'),
      'patrons',
      'import',
      file,
      '--json',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: work, LOG_LEVEL: 'silent' },
    },
  );
  if (result.status !== 0) throw new Error(`import failed: ${result.stderr}`);
  const report = JSON.parse(result.stdout) as { rows: number; inserted: number; rejected: number };
  const [, seconds, kib] = /TIME ([\d.]+) (\d+)/.exec(result.stderr) ?? [];
  return { ...report, seconds: Number(seconds), peakRssMiB: Number(kib) / 1024 };
}

function row(
  id: string,
  what: string,
  app: string,
  reference: string,
  ratio: string,
  goal: string,
  /** null: measured, with no goal to meet. */
  met: boolean | null,
): void {
  const verdict = met === null ? '—' : met ? 'met' : '**not met**';
  const line = `| ${id} | ${what} | ${app} | ${reference} | ${ratio} | ${goal} | ${verdict} |`;
  results.push(line);
  process.stdout.write(`${line}\n`);
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const fmt = (n: number) => n.toLocaleString('en-CA');

async function pgAdmin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function pgUrlFor(name: string): string {
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

function benchSqlite(csv: string, rows: number, id: string): AppRun {
  const reference = path.join(work, `reference-${id}.db`);
  const referenceSeconds = timed(() =>
    execFileSync('sqlite3', [reference], { input: `.mode csv\n.import ${csv} patrons\n` }),
  );
  const app = appImport(csv, `sqlite:${path.join(work, `app-${id}.db`)}`);
  const appRate = rate(app.rows, app.seconds);
  const refRate = rate(rows, referenceSeconds);
  const ratio = appRate / refRate;
  row(
    id,
    `CSV import, ${fmt(rows)} patrons, SQLite (peak RSS ${Math.round(app.peakRssMiB)} MiB)`,
    `${fmt(appRate)} rows/s`,
    `sqlite3 .import ${fmt(refRate)} rows/s`,
    `${ratio.toFixed(2)}×`,
    '≥ 0.5×, RSS ≤ 300 MiB',
    ratio >= 0.5 && app.peakRssMiB <= 300,
  );
  return app;
}

async function benchPostgres(csv: string, rows: number): Promise<void> {
  const name = `od_bench_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`create database ${name}`);
  try {
    const url = pgUrlFor(name);
    const columns = KOHA_BORROWER_COLUMNS.map((c) => `"${c}" text`).join(', ');
    execFileSync('psql', [url, '-q', '-c', `create table reference_patrons (${columns})`]);
    const referenceSeconds = timed(() =>
      execFileSync('psql', [
        url,
        '-q',
        '-c',
        `\\copy reference_patrons from '${csv}' with (format csv, header true)`,
      ]),
    );
    const app = appImport(csv, url);
    const appRate = rate(app.rows, app.seconds);
    const refRate = rate(rows, referenceSeconds);
    const ratio = appRate / refRate;
    row(
      'PA-2',
      `CSV import, ${fmt(rows)} patrons, PostgreSQL`,
      `${fmt(appRate)} rows/s`,
      `psql \\copy ${fmt(refRate)} rows/s`,
      `${ratio.toFixed(2)}×`,
      '≥ 0.7×',
      ratio >= 0.7,
    );
  } finally {
    await pgAdmin(`drop database if exists ${name} with (force)`);
  }
}

async function writeXlsx(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Patrons');
  const columns = KOHA_BORROWER_COLUMNS.slice(0, 12);
  sheet.addRow([...columns]).commit();
  for (const patron of generatePatrons({ count: rows, seed: 7 })) {
    sheet.addRow(kohaCsvLine(patron).split(',').slice(0, 12)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function benchXlsx(): Promise<void> {
  const xlsx = path.join(work, 'patrons.xlsx');
  const csv = path.join(work, 'patrons-12.csv');
  await writeXlsx(xlsx, XLSX_ROWS);
  const lines = [KOHA_BORROWER_COLUMNS.slice(0, 12).join(',')];
  for (const patron of generatePatrons({ count: XLSX_ROWS, seed: 7 }))
    lines.push(kohaCsvLine(patron).split(',').slice(0, 12).join(','));
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  const fromCsv = appImport(csv, `sqlite:${path.join(work, 'xlsx-ref.db')}`);
  const fromXlsx = appImport(xlsx, `sqlite:${path.join(work, 'xlsx-app.db')}`);
  const ratio = fromXlsx.seconds / fromCsv.seconds;
  row(
    'PA-4',
    `.xlsx import, ${fmt(XLSX_ROWS)} rows × 12 columns (peak RSS ${Math.round(fromXlsx.peakRssMiB)} MiB)`,
    `${fromXlsx.seconds.toFixed(1)} s`,
    `same data as CSV ${fromCsv.seconds.toFixed(1)} s`,
    `${ratio.toFixed(2)}×`,
    '≤ 4×, RSS ≤ 300 MiB',
    ratio <= 4 && fromXlsx.peakRssMiB <= 300,
  );
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function claimRows(): Promise<void> {
  const seconds = ROWS >= 300_000 ? 30 : 10;
  // Callers hold each patron 5–15 s (a real call takes minutes): 200 callers then make about 20
  // claims a second, twenty times the demand of 200 people on the phone.
  const think = '5000-15000';
  const sqlite = await benchClaims(
    { engine: 'sqlite', file: path.join(work, 'claims.db'), synchronous: 'FULL' },
    200,
    seconds,
    think,
  );
  row(
    'PA-5',
    `claim-next over HTTP, 200 callers holding each patron 5–15 s, SQLite (${fmt(sqlite.claims)} claims, ${sqlite.doubles} double claims)`,
    `p50 ${ms(sqlite.http.p50)}, p99 ${ms(sqlite.http.p99)}, p99.9 ${ms(sqlite.http.p999)}`,
    `bare claim statement p50 ${ms(sqlite.bare.p50)}, p99 ${ms(sqlite.bare.p99)}`,
    '—',
    'p99 ≤ 15 ms, p99.9 ≤ 50 ms, 0 double claims',
    sqlite.http.p99 <= 15 && sqlite.http.p999 <= 50 && sqlite.doubles === 0,
  );
  const name = `od_bench_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`create database ${name}`);
  try {
    const pgRun = await benchClaims(
      { engine: 'postgres', url: pgUrlFor(name), poolMax: 10 },
      32,
      seconds,
      think,
    );
    const ratio = pgRun.http.p99 / Math.max(pgRun.bare.p99, 0.001);
    row(
      'PA-7',
      `claim-next over HTTP, 32 callers, PostgreSQL (${fmt(pgRun.claims)} claims, ${pgRun.doubles} double claims)`,
      `p50 ${ms(pgRun.http.p50)}, p99 ${ms(pgRun.http.p99)}`,
      `bare claim statement p99 ${ms(pgRun.bare.p99)}`,
      `${ratio.toFixed(1)}×`,
      'p99 ≤ 1.5× raw, 0 double claims',
      ratio <= 1.5 && pgRun.doubles === 0,
    );
  } finally {
    await pgAdmin(`drop database if exists ${name} with (force)`);
  }
}

function emailRow(run: ThroughputResult, engine: string): void {
  const refRate = (run.reference.perSecond + run.referenceAfter.perSecond) / 2;
  const ratio = run.app.perSecond / refRate;
  row(
    'PA-8',
    `care e-mail to a local SMTP sink, ${fmt(run.messages)} messages of ${fmt(Math.round(run.app.bytesPerMessage))} bytes (reference ${fmt(Math.round(run.reference.bytesPerMessage))}), 20 pooled connections, quota off, ${engine} (queued in ${run.enqueueSeconds.toFixed(1)} s; end to end ${fmt(Math.round(run.endToEndPerSecond))} msg/s)`,
    `${fmt(Math.round(run.app.perSecond))} msg/s`,
    `raw nodemailer pool ${fmt(Math.round(refRate))} msg/s (mean of ${fmt(Math.round(run.reference.perSecond))} before and ${fmt(Math.round(run.referenceAfter.perSecond))} after)`,
    `${ratio.toFixed(2)}×`,
    '≥ 0.6×',
    ratio >= 0.6,
  );
}

async function emailRows(throughput: boolean, quota: boolean): Promise<void> {
  const sink = await startSink();
  try {
    if (throughput) await throughputRows(sink);
    if (quota) await quotaRow(sink);
  } finally {
    await sink.stop();
  }
}

async function throughputRows(sink: Sink): Promise<void> {
  emailRow(
    await benchEmailThroughput(
      { engine: 'sqlite', file: path.join(work, 'email', 'outreach.db'), synchronous: 'FULL' },
      path.join(work, 'email'),
      sink,
      EMAILS,
    ),
    'SQLite',
  );
  const name = `od_bench_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`create database ${name}`);
  try {
    emailRow(
      await benchEmailThroughput(
        { engine: 'postgres', url: pgUrlFor(name), poolMax: 10 },
        path.join(work, 'email-pg'),
        sink,
        EMAILS,
      ),
      'PostgreSQL',
    );
  } finally {
    await pgAdmin(`drop database if exists ${name} with (force)`);
  }
}

async function quotaRow(sink: Sink): Promise<void> {
  const perMinute = 600;
  const quota = await benchEmailQuota(
    { engine: 'sqlite', file: path.join(work, 'quota', 'outreach.db'), synchronous: 'FULL' },
    path.join(work, 'quota'),
    sink,
    { perMinute, messages: 1000, maxSeconds: 75 },
  );
  const pct = (n: number) => `${Math.round((100 * n) / perMinute)} %`;
  // The goal's measure is the first minute; the fewest in any sliding minute is the stricter one.
  const used = quota.firstWindow / perMinute;
  row(
    'PA-9',
    `relay quota ${perMinute}/min, ${fmt(quota.messages)} messages waiting, real worker for ${Math.round(quota.runSeconds)} s, SQLite (${fmt(quota.received)} received)`,
    `most in any 60 s window ${quota.maxInWindow}; first 60 s ${quota.firstWindow} (${pct(quota.firstWindow)}); fewest in a sliding 60 s window while mail waited ${quota.minWhileWaiting} (${pct(quota.minWhileWaiting)})`,
    `the quota, ${perMinute} a minute`,
    `${pct(quota.firstWindow)} used`,
    'never above it in any window; ≥ 95 % of it while mail waits',
    quota.maxInWindow <= perMinute && used >= 0.95,
  );
}

const msOrS = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(0)} ms`);

async function statsRows(): Promise<void> {
  const run = await benchStats(path.join(work, 'stats'), {
    attempts: STATS_ATTEMPTS,
    repeats: STATS_REPEATS,
    postgresUrl: PG_URL,
    progress: (message) => process.stderr.write(`PA-10: ${message}\n`),
  });
  const d = run.data;
  for (const r of run.results) {
    const engine = r.engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const cli = r.engine === 'sqlite' ? 'sqlite3 CLI' : 'psql';
    const ratio = r.app.p50 / Math.max(r.reference.p50, 0.001);
    const what = r.label.replace(
      'largest campaign',
      `campaign of ${fmt(d.largestCampaignAttempts)} attempts`,
    );
    row(
      'PA-10',
      `dashboard stats (computeStats with per-staff activity, ${r.statements} statements), ${what}, ${engine} (${fmt(r.figures.callsMade)} calls, ${fmt(r.figures.patronsCalled)} patrons called, ${fmt(r.figures.emailsSent)} e-mails)`,
      `p50 ${msOrS(r.app.p50)}, p95 ${msOrS(r.app.p95)}`,
      `${cli} ${r.engine === 'sqlite' ? run.versions.cli : (run.versions.postgres ?? '')}, same SQL: p50 ${msOrS(r.reference.p50)}, p95 ${msOrS(r.reference.p95)}${r.bare === null ? '' : `; better-sqlite3 alone (SQLite ${run.versions.app}, as the app): p50 ${msOrS(r.bare.p50)}, p95 ${msOrS(r.bare.p95)}`}`,
      `${ratio.toFixed(2)}×`,
      'p95 ≤ 100 ms, app ≤ 1.5× CLI',
      r.app.p95 <= 100 && ratio <= 1.5,
    );
  }
  notes.push(
    `PA-10 data: ${fmt(d.attempts)} attempts (${fmt(d.phoneAttempts)} by phone; the largest campaign ${fmt(d.largestCampaignAttempts)}), ${fmt(d.patrons)} patrons, ${d.campaigns} campaigns, ${fmt(d.outbox)} outbox messages, ${fmt(d.quotes)} quotes, ${fmt(d.concerns)} concerns; ${Math.round(d.fileMiB)} MiB, built in ${d.buildSeconds.toFixed(0)} s${run.postgresLoadSeconds === null ? '' : `, copied to PostgreSQL in ${run.postgresLoadSeconds.toFixed(0)} s`}. ${STATS_REPEATS} timed runs per scope after one warm-up, app and references taking turns; CLI start-up subtracted: sqlite3 ${run.startup.sqlite.toFixed(1)} ms${run.startup.postgres === null ? '' : `, psql ${run.startup.postgres.toFixed(1)} ms`}.`,
  );
  for (const engine of ['sqlite', 'postgres'] as const) {
    const scopes = run.results.filter((r) => r.engine === engine);
    if (scopes.length === 0) continue;
    notes.push(
      `\nPA-10 per statement, ${engine === 'sqlite' ? 'SQLite (ms: app in one logged run / sqlite3 median)' : 'PostgreSQL (ms: app in one logged run, its statements running at once / psql median)'}:\n`,
      `| statement | ${scopes.map((s) => s.key).join(' | ')} |`,
      `|---|${scopes.map(() => '---').join('|')}|`,
      ...[...new Set(scopes.flatMap((s) => s.breakdown.map((b) => b.what)))].map(
        (name) =>
          `| ${name} | ${scopes.map((s) => cell(s.breakdown.find((b) => b.what === name))).join(' | ')} |`,
      ),
    );
  }
}

function cell(b: ScopeResult['breakdown'][number] | undefined): string {
  return b === undefined ? '—' : `${b.app.toFixed(0)} / ${b.reference.toFixed(0)}`;
}

async function importAndClaimRows(): Promise<void> {
  const csv = path.join(work, 'patrons.csv');
  await writePatronsCsv(csv, { count: ROWS, seed: 1 });
  const small = benchSqlite(csv, ROWS, 'PA-1');
  await benchPostgres(csv, ROWS);
  await benchXlsx();
  await claimRows();
  if (args.includes('--large')) {
    const large = path.join(work, 'patrons-3m.csv');
    await writePatronsCsv(large, { count: ROWS * 10, seed: 2 });
    const big = benchSqlite(large, ROWS * 10, 'PA-3 (rate)');
    const ratio = big.seconds / small.seconds;
    row(
      'PA-3',
      `${fmt(ROWS * 10)} rows vs ${fmt(ROWS)} (peak RSS ${Math.round(big.peakRssMiB)} vs ${Math.round(small.peakRssMiB)} MiB)`,
      `${big.seconds.toFixed(1)} s`,
      `${small.seconds.toFixed(1)} s`,
      `${ratio.toFixed(1)}×`,
      '≤ 11×, memory flat',
      ratio <= 11 && big.peakRssMiB <= small.peakRssMiB * 1.5,
    );
  }
}

function followUpRow(run: FollowUpBenchResult, engine: string): void {
  row(
    '—',
    `recordOutcome handing on an urgent concern, an information request and a wanted service (1 escalation, 2 tasks), ${fmt(run.calls)} calls, ${engine}`,
    `p50 ${ms(run.handOn.p50)}, p95 ${ms(run.handOn.p95)}`,
    `the same call without them: p50 ${ms(run.plain.p50)}, p95 ${ms(run.plain.p95)}`,
    `${(run.handOn.p50 / Math.max(run.plain.p50, 0.001)).toFixed(2)}×`,
    'measured',
    null,
  );
  row(
    '—',
    `"My work" reads with ${fmt(run.calls)} escalations and ${fmt(run.calls * 2)} tasks, ${engine}`,
    `work summary p95 ${ms(run.summary.p95)}; a caller's tasks p95 ${ms(run.tasksList.p95)}; escalations queue (200) p95 ${ms(run.escalationsList.p95)}`,
    '—',
    '—',
    'measured',
    null,
  );
}

async function followUpRows(): Promise<void> {
  const calls = Math.min(ROWS, 1000);
  followUpRow(
    await benchFollowUps(
      { engine: 'sqlite', file: path.join(work, 'followups.db'), synchronous: 'FULL' },
      calls,
    ),
    'SQLite',
  );
  const name = `od_bench_${randomBytes(4).toString('hex')}`;
  await pgAdmin(`create database ${name}`);
  try {
    followUpRow(
      await benchFollowUps({ engine: 'postgres', url: pgUrlFor(name), poolMax: 10 }, calls),
      'PostgreSQL',
    );
  } finally {
    await pgAdmin(`drop database if exists ${name} with (force)`);
  }
}

try {
  process.stdout.write(
    `Outreach Desk benchmarks — ${new Date().toISOString()}, Node ${process.version}, ${os.cpus().length} cores\n\n`,
  );
  process.stdout.write(
    '| id | what | app | reference (same run) | ratio | goal | |\n|---|---|---|---|---|---|---|\n',
  );
  const quota = args.includes('--quota') || ONLY === 'quota';
  if (ONLY === 'followups') {
    await followUpRows();
  } else if (ONLY === 'stats') {
    await statsRows();
  } else if (ONLY === 'email' || ONLY === 'quota') {
    await emailRows(ONLY === 'email', quota);
  } else {
    await importAndClaimRows();
    await emailRows(true, quota);
    if (args.includes('--stats')) await statsRows();
  }
  if (notes.length > 0) process.stdout.write(`\n${notes.join('\n')}\n`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
