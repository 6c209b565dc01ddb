import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCampaignStats } from '../src/core/results/stats.service.js';
import type { Stats } from '../src/shared/schemas/results.js';
import { testClock, testCtx } from './helpers/ctx.js';
import { createTestDb, type TestDatabase } from './helpers/db.js';

/** The `outreach` command, run as a user would, against this run's database engine. */
let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-cli-'));
});
afterAll(async () => {
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

function outreach(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: t.url, DATA_DIR: dir, LOG_LEVEL: 'silent' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('outreach CLI', () => {
  it.each([
    [[]],
    [['user']],
    [['user', 'create']],
    [['patrons', 'import']],
    [['patrons', 'export']],
    [['db', 'migrate']],
    [['start']],
    [['demo']],
    [['email']],
    [['report']],
    [['followups']],
    [['retention', 'purge']],
    [['telephony']],
    [['telephony', 'account']],
  ])('explains itself with --help (%j)', (args) => {
    const result = outreach([...args, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Usage: outreach/);
  });

  it('brings the database up to date', () => {
    expect(outreach(['db', 'migrate'])).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/up to date|Applied/) as unknown,
    });
  });

  it('creates an admin with the password read from standard input, then lists and disables accounts', () => {
    const created = outreach(
      [
        'user',
        'create',
        '--email',
        'Head@Library.example.org',
        '--name',
        'Head Librarian',
        '--role',
        'admin',
      ],
      'a long admin passphrase\n',
    );
    expect(created).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(
        'Created admin Head Librarian <head@library.example.org>',
      ) as unknown,
    });
    outreach(
      [
        'user',
        'create',
        '--email',
        'caller@library.example.org',
        '--name',
        'Ana Caller',
        '--role',
        'caller',
      ],
      'another long passphrase\n',
    );
    const listed = JSON.parse(outreach(['user', 'list', '--json']).stdout) as { email: string }[];
    expect(listed.map((u) => u.email)).toEqual([
      'caller@library.example.org',
      'head@library.example.org',
    ]);
    expect(outreach(['user', 'disable', 'caller@library.example.org']).code).toBe(0);
    expect(JSON.parse(outreach(['user', 'list', '--json']).stdout)).toHaveLength(1);
  });

  it('says what is wrong with a bad role, a weak password or bad configuration', () => {
    expect(
      outreach(
        ['user', 'create', '--email', 'x@library.example.org', '--name', 'X', '--role', 'boss'],
        'whatever whatever',
      ),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'role must be one of: admin, coordinator, caller, viewer',
      ) as unknown,
    });
    expect(
      outreach(
        ['user', 'create', '--email', 'y@library.example.org', '--name', 'Y', '--role', 'caller'],
        'short\n',
      ),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('password') as unknown,
    });
    const badPort = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'db', 'migrate'],
      { encoding: 'utf8', env: { ...process.env, PORT: 'eighty' } },
    );
    expect(badPort.status).toBe(1);
    expect(badPort.stderr).toContain('PORT="eighty"');
  });

  it('imports a patron file with a JSON report, and exports the patrons as JSON', () => {
    const file = path.join(dir, 'borrowers.csv');
    fs.writeFileSync(
      file,
      'cardnumber,surname,firstname,dateofbirth,phone,email\n29003000000011,Rossi,Maria,1941-05-02,(905) 832-2281,maria@example.org\n,No,Card,,,\n',
    );
    const imported = outreach(['patrons', 'import', file, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      layout: 'koha-csv',
      rows: 2,
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      problems: [{ row: 3, column: 'cardnumber', reason: expect.any(String) as unknown }],
    });
    const exported = outreach(['patrons', 'export', '--format', 'json']);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject([
      { cardNumber: '29003000000011', phones: [{ e164: '+19058322281' }] },
    ]);
  });

  it('loads the same synthetic demo library every time, and a second run changes nothing', () => {
    const first = outreach(['demo', '--patrons', '300']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/300 patrons \(300 new/);
    expect(first.stdout).toMatch(/coordinator +coordinator@demo\.example\.org +\S{16}/);
    const second = outreach(['demo', '--patrons', '300']);
    expect(second.stdout).toMatch(/300 unchanged/);
    expect(second.stdout).not.toMatch(/passwords are shown/);
  });

  it('lists, exports and imports campaigns (the demo has three, built from the starter scripts)', () => {
    const listed = JSON.parse(outreach(['campaigns', 'list', '--json']).stdout) as {
      id: number;
      name: string;
      status: string;
    }[];
    expect(listed.map((c) => [c.name, c.status])).toEqual(
      expect.arrayContaining([
        ['Spring check-in: 85 and over', 'closed'],
        ['Wellness check-in: 70 and over', 'active'],
        ['What’s new at the library', 'draft'],
      ]),
    );
    // The finished campaign has its whole story: calls, e-mails, approved quotes.
    const finished = listed.find((c) => c.status === 'closed')!;
    const report = JSON.parse(
      outreach(['report', '--campaign', String(finished.id), '--format', 'json']).stdout,
    ) as {
      figures: Record<
        'patronsCalled' | 'audience' | 'callsMade' | 'quotesApproved' | 'callbacksDue',
        number
      >;
    };
    expect(report.figures.patronsCalled).toBe(report.figures.audience);
    expect(report.figures.callsMade).toBeGreaterThan(report.figures.patronsCalled);
    expect(report.figures.quotesApproved).toBeGreaterThan(0);
    expect(report.figures.callbacksDue).toBe(0);
    const wellness = listed.find((c) => c.status === 'active')!;
    const file = path.join(dir, 'wellness.json');
    expect(outreach(['campaigns', 'export', String(wellness.id), '--output', file]).code).toBe(0);
    const shared = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      format: string;
      script: { name: string };
    };
    expect(shared).toMatchObject({
      format: 'outreach-desk-campaign',
      script: { name: 'Wellness check-in for seniors' },
    });
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/cardNumber|29003/);
    const imported = outreach(['campaigns', 'import', file]);
    expect(imported).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/as draft campaign \d+/) as unknown,
    });
    fs.writeFileSync(file, '{"format": "something else"}');
    expect(outreach(['campaigns', 'import', file])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('format') as unknown,
    });
  });

  it('reports a campaign’s figures as JSON, the same as the dashboard’s, and the library’s without --campaign', async () => {
    const listed = JSON.parse(outreach(['campaigns', 'list', '--json']).stdout) as {
      id: number;
      status: string;
    }[];
    const wellness = listed.find((c) => c.status === 'active')!;
    const result = outreach(['report', '--campaign', String(wellness.id), '--format', 'json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Stats;
    const stats = await getCampaignStats(
      testCtx(t.db, null, testClock(new Date().toISOString())),
      wellness.id,
      {},
    );
    expect(printed.figures).toEqual(stats.figures);
    expect(printed.figures.callsMade).toBeGreaterThan(0);
    expect(printed.services).toEqual(stats.services);
    expect(printed.scope).toMatchObject({ campaignId: wellness.id, from: null, to: null });
    const library = JSON.parse(
      outreach(['report', '--format', 'json', '--from', '2020-01-01']).stdout,
    ) as Stats;
    expect(library.scope).toMatchObject({ campaignId: null, from: '2020-01-01' });
    expect(library.figures.callsMade).toBeGreaterThanOrEqual(printed.figures.callsMade);
  }, 60_000);

  it('exports a campaign’s results as CSV to standard output and as XLSX to a file', async () => {
    const listed = JSON.parse(outreach(['campaigns', 'list', '--json']).stdout) as {
      id: number;
      status: string;
      callListSize: number;
    }[];
    const wellness = listed.find((c) => c.status === 'active')!;
    const csv = outreach(['report', '--campaign', String(wellness.id), '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = parse<Record<string, string>>(csv.stdout, { bom: true, columns: true });
    expect(rows.length).toBeGreaterThanOrEqual(wellness.callListSize);
    expect(new Set(rows.map((r) => r['Card number'])).size).toBe(wellness.callListSize);
    expect(rows.some((r) => r.Outcome === 'reached')).toBe(true);

    const file = path.join(dir, 'results.xlsx');
    const xlsx = outreach([
      'report',
      '--campaign',
      String(wellness.id),
      '--format',
      'xlsx',
      '--output',
      file,
    ]);
    expect(xlsx).toMatchObject({
      code: 0,
      stderr: expect.stringContaining(`Exported ${rows.length} rows to ${file}`) as unknown,
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Results', 'Summary']);
    expect(workbook.getWorksheet('Results')!.rowCount).toBe(rows.length + 1);
  }, 60_000);

  it('says what is wrong with report options', () => {
    const listed = JSON.parse(outreach(['campaigns', 'list', '--json']).stdout) as { id: number }[];
    const id = String(listed[0]!.id);
    expect(outreach(['report', '--format', 'json', '--from', '2026-13-01'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--from: must be a date like 2026-03-01') as unknown,
    });
    expect(
      outreach(['report', '--format', 'json', '--from', '2026-03-05', '--to', '2026-03-01']),
    ).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--from: must be on or before') as unknown,
    });
    expect(outreach(['report', '--format', 'csv'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('give --campaign ID') as unknown,
    });
    expect(outreach(['report', '--campaign', id, '--format', 'xlsx'])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('give --output FILE') as unknown,
    });
    const missing = path.join(dir, 'missing.csv');
    expect(
      outreach(['report', '--campaign', '999999', '--format', 'csv', '--output', missing]),
    ).toMatchObject({ code: 1, stderr: expect.stringContaining('999999') as unknown });
    expect(fs.existsSync(missing)).toBe(false);
  }, 60_000);

  it('sets up the softphone and a staff member’s SIP account, refusing bad input by field', () => {
    const refused = outreach(['telephony', 'set'], '{"enabled":true}');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('webSocketUrl: the softphone needs the WebSocket URL');
    expect(outreach(['telephony', 'set'], '{"enabled":').stderr).toContain('not JSON');
    const on = outreach(
      ['telephony', 'set'],
      JSON.stringify({
        enabled: true,
        webSocketUrl: 'wss://pbx.library.example:8089/ws',
        sipDomain: 'pbx.library.example',
      }),
    );
    expect(on).toMatchObject({
      code: 0,
      stdout: 'The softphone is on: wss://pbx.library.example:8089/ws (pbx.library.example)\n',
    });
    const shown = JSON.parse(outreach(['telephony', 'show']).stdout) as { dialPlan: object };
    expect(shown.dialPlan).toMatchObject({ format: 'national', countryCode: '1' });
    outreach(
      [
        'user',
        'create',
        '--email',
        'phone@library.example.org',
        '--name',
        'Pat',
        '--role',
        'caller',
      ],
      'a long caller passphrase\n',
    );
    const account = outreach(
      ['telephony', 'account', 'phone@library.example.org', '--username', '2001', '--password'],
      'sip secret\n',
    );
    expect(account).toMatchObject({
      code: 0,
      stdout: 'phone@library.example.org: SIP user 2001, password set, softphone on\n',
    });
    expect(
      outreach(['telephony', 'account', 'phone@library.example.org', '--off']).stdout,
    ).toContain('softphone off');
    expect(outreach(['telephony', 'account', 'nobody@example.org']).stderr).toContain(
      'No staff member has the e-mail nobody@example.org',
    );
  }, 120_000);

  it('reports how mail is sent and what waits in the outbox', () => {
    const status = JSON.parse(outreach(['email', 'status', '--json']).stdout) as {
      mode: string;
      logDir: string;
      outbox: Record<string, number>;
    };
    expect(status).toMatchObject({ mode: 'log', logDir: path.join(dir, 'mail') });
    expect(Object.keys(status.outbox)).toEqual([
      'queued',
      'sending',
      'sent',
      'failed',
      'bounced',
      'cancelled',
    ]);
    expect(outreach(['email', 'status']).stdout).toMatch(/No relay is set up/);
    expect(outreach(['email', 'check-relay']).stdout).toMatch(/No relay is set up/);
  });

  it('summarises the demo’s follow-ups and purges sensitive notes kept too long', () => {
    const summary = JSON.parse(outreach(['followups', '--json']).stdout) as {
      tasks: { active: number; unassigned: number };
      escalations: { waiting: number; acknowledged: number };
      recurringCalls: { active: number };
      referrals: number;
    };
    // The demo's calls recorded concerns and requests; the coordinator acted on some.
    expect(summary.tasks.active).toBeGreaterThan(0);
    expect(summary.tasks.unassigned).toBe(1);
    expect(summary.escalations).toMatchObject({ acknowledged: 1 });
    expect(summary.escalations.waiting).toBeGreaterThan(0);
    expect(summary).toMatchObject({ recurringCalls: { active: 2 }, referrals: 1 });
    expect(outreach(['followups']).stdout).toMatch(/^Tasks: \d+ open/);
    // Nothing closed a year ago yet: nothing to remove.
    const dry = JSON.parse(outreach(['retention', 'purge', '--dry-run', '--json']).stdout) as {
      escalations: number;
      tasks: number;
    };
    expect(dry).toMatchObject({ escalations: 0, tasks: 0 });
    expect(outreach(['retention', 'purge']).stdout).toMatch(/^Emptied the notes of 0 escalations/);
  });

  it('refuses a file that is not a spreadsheet with a clear message', () => {
    const file = path.join(dir, 'photo.xlsx');
    fs.writeFileSync(file, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0, 1, 2, 3]));
    const result = outreach(['patrons', 'import', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/photo\.xlsx/);
  });
});
