#!/usr/bin/env node
// The whole test suite, every tier, in one command (`npm test`):
//   checks (types, lint, format) → build → unit/service/route tests on SQLite → the same
//   database tests on PostgreSQL → browser journeys in Chromium.
// It sets up what it can (a throwaway PostgreSQL cluster when none answers, Chromium from the
// system packages when it may install them) and otherwise stops saying exactly what to install.
// It ends with one plain line, `N passed, N failed, N skipped`, totalled over every tier.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'od-test-run-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const cleanups = [];

function log(message) {
  process.stdout.write(`\n=== ${message}\n`);
}

function stop(message) {
  process.stderr.write(`\nCannot run the whole test suite: ${message}\n`);
  for (const cleanup of cleanups.reverse()) cleanup();
  process.exit(2);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  if (await canConnect('127.0.0.1', 5432)) return url;
  const bins = fs.existsSync('/usr/lib/postgresql')
    ? fs.readdirSync('/usr/lib/postgresql').sort().reverse()
    : [];
  const bin = bins
    .map((v) => `/usr/lib/postgresql/${v}/bin`)
    .find((d) => fs.existsSync(`${d}/initdb`));
  if (!bin) {
    stop(
      'no PostgreSQL answers on 127.0.0.1:5432 and none is installed. Install it (Debian: apt-get install -y postgresql) or set TEST_DATABASE_URL=postgres://user@host:port/db.',
    );
  }
  log('Starting a throwaway PostgreSQL cluster');
  const dir = path.join(work, 'pg');
  fs.mkdirSync(dir);
  const asPostgres = isRoot() ? ['runuser', ['-u', 'postgres', '--']] : null;
  if (asPostgres) execFileSync('chown', ['postgres', dir]);
  const exec = (file, args) =>
    asPostgres
      ? execFileSync(asPostgres[0], [...asPostgres[1], file, ...args], { stdio: 'inherit' })
      : execFileSync(file, args, { stdio: 'inherit' });
  const port = 55432;
  exec(`${bin}/initdb`, ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  exec(`${bin}/pg_ctl`, [
    '-D',
    `${dir}/data`,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
    '-w',
    'start',
  ]);
  cleanups.push(() => exec(`${bin}/pg_ctl`, ['-D', `${dir}/data`, '-m', 'fast', 'stop']));
  exec(`${bin}/createdb`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'test']);
  return `postgres://postgres@127.0.0.1:${port}/test`;
}

/**
 * A system program the tests drive for real, installed from the system packages when missing
 * (as root on Debian), or a clear message saying how to get it.
 */
function ensureProgram({ name, candidates, aptPackage, hint }) {
  const found = candidates.filter(Boolean).find((p) => fs.existsSync(p));
  if (found) return found;
  if (isRoot() && fs.existsSync('/usr/bin/apt-get')) {
    log(`Installing ${name} from the system packages`);
    if (
      run('apt-get', ['update', '-qq']) === 0 &&
      run('apt-get', [
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        ...[aptPackage].flat(),
      ]) === 0
    ) {
      const installed = candidates.filter(Boolean).find((p) => fs.existsSync(p));
      if (installed) return installed;
    }
  }
  stop(hint);
}

function ensureChromium() {
  return ensureProgram({
    name: 'Chromium',
    candidates: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    aptPackage: 'chromium',
    hint: 'Chromium is needed for the browser tests. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
  });
}

/** The bounce-mailbox tests read real IMAP from a Dovecot they start. */
function ensureDovecot() {
  return ensureProgram({
    name: 'Dovecot',
    candidates: ['/usr/sbin/dovecot'],
    aptPackage: 'dovecot-imapd',
    hint: 'Dovecot is needed for the bounce-mailbox tests. Install it (Debian: apt-get install -y dovecot-imapd).',
  });
}

/**
 * The softphone's browser tests call through a real phone system they start in a network
 * namespace: Kamailio, rtpengine (userspace: not the `rtpengine` metapackage, which builds a
 * kernel module), baresip and SIPp.
 */
function ensureSipRig() {
  return ensureProgram({
    name: 'the SIP test phone system',
    candidates: [
      ['/usr/sbin/kamailio', '/usr/bin/rtpengine', '/usr/bin/baresip', '/usr/bin/sipp'].every((f) =>
        fs.existsSync(f),
      ) && fs.existsSync('/usr/lib/x86_64-linux-gnu/kamailio/modules/websocket.so')
        ? '/usr/sbin/kamailio'
        : undefined,
    ],
    aptPackage: [
      'kamailio',
      'kamailio-websocket-modules',
      'kamailio-tls-modules',
      'rtpengine-daemon',
      'baresip-core',
      'sip-tester',
    ],
    hint: 'The softphone tests need Kamailio, rtpengine, baresip and SIPp, and root for a network namespace. Install them (Debian: apt-get install -y --no-install-recommends kamailio kamailio-websocket-modules kamailio-tls-modules rtpengine-daemon baresip-core sip-tester).',
  });
}

/** Runs vitest with a JSON report and adds its counts to the totals. */
function vitest(name, args, env) {
  log(name);
  const report = path.join(work, `${name.replace(/\W+/g, '-')}.json`);
  const status = run(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...args,
    ],
    env,
  );
  if (!fs.existsSync(report)) {
    totals.failed += 1;
    return;
  }
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  const brokenFiles = json.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  const failed = json.numFailedTests + brokenFiles;
  totals.passed += json.numPassedTests;
  totals.failed += failed;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  if (status !== 0 && failed === 0) totals.failed += 1;
}

function check(name, command, args) {
  log(name);
  if (run(command, args) === 0) totals.passed += 1;
  else totals.failed += 1;
}

/** Test files that use a database: they run again on PostgreSQL. */
function databaseTestFiles() {
  const out = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'tests'],
    { cwd: root, encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter((f) => f.endsWith('.test.ts') && fs.existsSync(path.join(root, f)))
    .filter((f) => fs.readFileSync(path.join(root, f), 'utf8').includes('helpers/db.js'));
}

const pgUrl = await ensurePostgres();
const chromium = ensureChromium();
ensureDovecot();
ensureSipRig();

check('Type check (server)', process.execPath, [
  'node_modules/typescript/bin/tsc',
  '--noEmit',
  '-p',
  'tsconfig.json',
]);
check('Type check (web)', process.execPath, [
  'node_modules/typescript/bin/tsc',
  '--noEmit',
  '-p',
  'tsconfig.web.json',
]);
check('Type check (browser tests)', process.execPath, [
  'node_modules/typescript/bin/tsc',
  '--noEmit',
  '-p',
  'tsconfig.e2e.json',
]);
check('Lint', process.execPath, ['node_modules/eslint/bin/eslint.js', '--max-warnings', '0', '.']);
check('Format', process.execPath, ['node_modules/prettier/bin/prettier.cjs', '--check', '.']);
log('Build');
const built = run('npm', ['run', 'build']) === 0;
if (built) totals.passed += 1;
else totals.failed += 1;

vitest('Unit, service and route tests on SQLite', [], { TEST_DB: 'sqlite' });
vitest('Service and route tests on PostgreSQL', databaseTestFiles(), {
  TEST_DB: 'postgres',
  TEST_DATABASE_URL: pgUrl,
});
if (built)
  vitest('Browser journeys in Chromium', ['-c', 'vitest.e2e.config.ts'], {
    CHROMIUM_PATH: chromium,
  });
else totals.failed += 1;

for (const cleanup of cleanups.reverse()) cleanup();
fs.rmSync(work, { recursive: true, force: true });
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(totals.failed === 0 ? 0 : 1);
