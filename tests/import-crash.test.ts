import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePatronsCsv } from '../src/core/demo/synthetic-patrons.js';
import { createTestDb, type TestDatabase } from './helpers/db.js';

/** TRUST RB-4: killing an import at any point leaves no half-imported row; running it again finishes it exactly. */
let t: TestDatabase;
let dir: string;
let file: string;
const ROWS = 12_000;

beforeAll(async () => {
  t = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-crash-'));
  file = path.join(dir, 'borrowers.csv');
  await writePatronsCsv(file, { count: ROWS, seed: 11 });
});
afterAll(async () => {
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ...process.env, DATABASE_URL: t.url, DATA_DIR: dir, LOG_LEVEL: 'silent' });
const cli = ['--import', 'tsx', 'src/cli/main.ts', 'patrons', 'import'];

async function importedSoFar(): Promise<number> {
  const row = await t.db
    .selectFrom('imports')
    .select('rows')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.rows ?? 0;
}

describe('an import killed with SIGKILL', () => {
  it('is never reported finished, and importing the file again finishes it exactly', async () => {
    const child = spawn(process.execPath, [...cli, file], { env: env(), stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const deadline = Date.now() + 60_000;
    while ((await importedSoFar()) < 1_000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;

    const killed = await t.db.selectFrom('imports').selectAll().executeTakeFirstOrThrow();
    expect(killed.status).toBe('running');
    expect(killed.rows).toBeGreaterThan(0);
    expect(killed.rows).toBeLessThan(ROWS);
    const written = await t.db
      .selectFrom('patrons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // Every committed batch wrote its patrons and its progress together.
    expect(written.n).toBe(killed.inserted);

    // Right after the kill the import still looks alive: a second run is refused, not doubled up.
    const tooSoon = spawnSync(process.execPath, [...cli, file], { env: env(), encoding: 'utf8' });
    expect(tooSoon.status).toBe(1);
    expect(tooSoon.stderr).toContain('already being imported');
    // Once its heartbeat is old, the import counts as dead and is resumed.
    await t.db
      .updateTable('imports')
      .set({ heartbeat_at: new Date(Date.now() - 60_000).toISOString() })
      .execute();

    const rerun = spawnSync(process.execPath, [...cli, file, '--json'], {
      env: env(),
      encoding: 'utf8',
    });
    expect(rerun.status).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({
      rows: ROWS,
      inserted: ROWS,
      updated: 0,
      unchanged: 0,
    });
    const done = await t.db.selectFrom('imports').selectAll().execute();
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ status: 'completed', rows: ROWS, inserted: ROWS });
    const total = await t.db
      .selectFrom('patrons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(total.n).toBe(ROWS);
  });
});
