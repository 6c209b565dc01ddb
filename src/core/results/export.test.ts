import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import type { PatronOutcomeInput } from '../../shared/schemas/calls.js';
import { FIGURE_KEYS, type ExportResultFormat } from '../../shared/schemas/results.js';
import { claimNextPatron } from '../calling/claims.service.js';
import { recordOutcome } from '../calling/outcomes.service.js';
import type { Ctx } from '../context.js';
import { RESULT_COLUMNS, exportCampaignResults, type ResultsFilter } from './export.js';
import { FIGURE_DEFINITIONS } from './figures.js';
import { getCampaignStats } from './stats.service.js';

let t: TestDatabase;
let clock: TestClock;
let coordinator: Ctx;
let caller: Ctx;
let callerName: string;
let campaignId: number;

const EVIL = '=HYPERLINK("http://evil.example/steal","Click me")';

beforeEach(async () => {
  t = await createTestDb();
  // Monday 15:00 UTC: 10:00 in Toronto (the library's zone).
  clock = testClock('2026-03-02T15:00:00.000Z');
  coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator'), clock);
  const staff = await createStaff(t.db, 'caller', { name: 'Ana Caller' });
  callerName = staff.name;
  caller = testCtx(t.db, staff, clock);
});
afterEach(() => t.destroy());

/** What each patron (by first name) says on the call. */
type Script = Record<string, Omit<PatronOutcomeInput, 'patronId'>>;

/** Calls every unit of the campaign once, each patron answering as `script` says. */
async function callEveryone(id: number, script: Script): Promise<void> {
  for (;;) {
    const result = await claimNextPatron(caller, id);
    if (result.status !== 'claimed') return;
    await recordOutcome(caller, result.call.claimId, {
      token: result.call.token,
      outcomes: result.call.patrons.map((p) => ({
        patronId: p.patronId,
        ...(script[p.firstName] ?? { outcome: 'reached' as const }),
      })),
    });
    clock.advance(5 * 60_000);
  }
}

/**
 * A household of two (one call), a lone patron also e-mailed (bounced), a patron whose name is a
 * formula, and a patron on the call list never called.
 */
async function setUp() {
  const household = await t.db
    .insertInto('households')
    .values({ phone_e164: '+19058322281', created_at: clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await createPatron(t.db, {
    firstName: 'Maria',
    lastName: 'Rossi',
    phone: '+19058322281',
    householdId: household.id,
  });
  await createPatron(t.db, {
    firstName: 'Giovanni',
    lastName: 'Rossi',
    phone: '+19058322281',
    householdId: household.id,
  });
  const ana = await createPatron(t.db, { firstName: 'Ana', lastName: 'Lima' });
  await createPatron(t.db, { firstName: EVIL, lastName: '+SUM(A1:A9)' });
  const campaign = await launchTestCampaign(coordinator, {
    serviceKeys: ['curbside', 'enewsletter'],
  });
  campaignId = campaign.id;
  await callEveryone(campaign.id, {
    Maria: {
      outcome: 'reached',
      servicesToldAbout: ['curbside', 'enewsletter'],
      servicesWanted: ['curbside'],
      note: 'SECRET CALL NOTE',
      concern: { level: 'more_contact', note: 'SECRET CONCERN NOTE' },
      informationRequest: 'SECRET REQUEST TEXT',
      quote: { text: 'Lovely to hear from you.', consentToPublish: true, attribution: 'anonymous' },
    },
    Giovanni: { outcome: 'reached' },
    Ana: { outcome: 'reached', servicesToldAbout: ['curbside'] },
    [EVIL]: { outcome: 'voicemail' },
  });
  // Ana was also e-mailed on Thursday, and the message bounced.
  const at = '2026-03-05T17:30:00.000Z';
  const attempt = await t.db
    .insertInto('attempts')
    .values({
      campaign_id: campaign.id,
      call_list_id: null,
      patron_id: ana.id,
      caller_id: null,
      channel: 'email',
      outcome: 'email_sent',
      contact: 0,
      started_at: at,
      ended_at: at,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('outbox')
    .values({
      message_id: '<m1@library.example.org>',
      kind: 'campaign',
      campaign_id: campaign.id,
      patron_id: ana.id,
      attempt_id: attempt.id,
      to_address: 'ana@example.org',
      language: 'en',
      class: 'promotional',
      subject: 'We miss you',
      html: '<p>Hi</p>',
      text: 'Hi',
      state: 'bounced',
      next_try_at: at,
      created_at: at,
      updated_at: at,
      sent_at: at,
    })
    .execute();
  // Joined the call list later: never called.
  const nobody = await createPatron(t.db, { firstName: 'Nobody', lastName: 'Called' });
  await t.db
    .insertInto('call_list')
    .values({
      campaign_id: campaign.id,
      patron_id: nobody.id,
      priority: 0,
      added_at: clock.now().toISOString(),
    })
    .execute();
  return { ana };
}

async function exportAs(
  ctx: Ctx,
  format: ExportResultFormat,
  filter: ResultsFilter = {},
): Promise<{ rows: number; buffer: Buffer }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const rows = await exportCampaignResults(ctx, campaignId, format, out, filter);
  await ended;
  return { rows, buffer: Buffer.concat(chunks) };
}

type Row = Record<(typeof RESULT_COLUMNS)[number], string>;

function csvRows(buffer: Buffer): Row[] {
  return parse<Row>(buffer, { bom: true, columns: true });
}

async function workbookOf(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's cells as plain values, empty cells as ''. */
function sheetValues(sheet: ExcelJS.Worksheet): (string | number)[][] {
  const rows: (string | number)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: (string | number)[] = [];
    for (let c = 1; c <= sheet.columnCount; c += 1) {
      const value = row.getCell(c).value;
      cells.push(typeof value === 'number' || typeof value === 'string' ? value : '');
    }
    rows.push(cells);
  });
  return rows;
}

function asObjects(values: (string | number)[][]): Row[] {
  const [header, ...rest] = values;
  return rest.map(
    (cells) =>
      Object.fromEntries(header!.map((h, i) => [h, String(cells[i] ?? '')])) as unknown as Row,
  );
}

const byName = (rows: Row[], first: string) => rows.filter((r) => r['First name'] === first);

describe('the results export', () => {
  it('writes one row per patron and attempt as CSV, and reads back as it was', async () => {
    await setUp();
    const { rows, buffer } = await exportAs(coordinator, 'csv');
    const parsed = csvRows(buffer);
    expect(Object.keys(parsed[0]!)).toEqual([...RESULT_COLUMNS]);
    expect(parsed).toHaveLength(6);
    expect(rows).toBe(6);
    // One household call: one row per person, same caller and time.
    const maria = byName(parsed, 'Maria');
    const giovanni = byName(parsed, 'Giovanni');
    expect(maria).toHaveLength(1);
    expect(giovanni).toHaveLength(1);
    expect(maria[0]).toEqual({
      Campaign: 'Test campaign',
      'Card number': expect.stringMatching(/^2900300/) as unknown,
      'First name': 'Maria',
      'Last name': 'Rossi',
      Channel: 'phone',
      'Date and time': '2026-03-02 10:00',
      Caller: callerName,
      Outcome: 'reached',
      'Spoken to': 'yes',
      'Services told about': 'Curbside service; eNewsletter',
      'Services wanted': 'Curbside service',
      'Callback at': '',
      'Concern level': 'more_contact',
      'Information request': 'yes',
      'Quote recorded': 'yes',
      'E-mail status': '',
    });
    expect(giovanni[0]).toMatchObject({
      'Date and time': '2026-03-02 10:00',
      Caller: callerName,
      'Concern level': '',
      'Information request': 'no',
      'Quote recorded': 'no',
    });
    // A phone call and a bounced e-mail: two rows for Ana.
    expect(byName(parsed, 'Ana').map((r) => [r.Channel, r.Outcome, r['E-mail status']])).toEqual([
      ['phone', 'reached', ''],
      ['email', 'email_sent', 'bounced'],
    ]);
    expect(byName(parsed, 'Ana')[1]!['Date and time']).toBe('2026-03-05 12:30');
    // Never called: one row, the attempt columns empty.
    const [nobody] = byName(parsed, 'Nobody');
    expect(nobody).toMatchObject({ 'Last name': 'Called', Channel: '', Outcome: '', Caller: '' });
    // Notes, concern notes and request texts never leave the app.
    expect(buffer.toString('utf8')).not.toMatch(/SECRET/);
  });

  it('neutralises a patron named like a formula, in CSV and in XLSX (TRUST SC-7)', async () => {
    await setUp();
    const csv = csvRows((await exportAs(coordinator, 'csv')).buffer);
    const evil = csv.find((r) => r['First name'].includes('HYPERLINK'))!;
    expect(evil['First name']).toBe(`'${EVIL}`);
    expect(evil['Last name']).toBe(`'+SUM(A1:A9)`);
    expect(evil).toMatchObject({ Outcome: 'voicemail', 'Spoken to': 'no' });
    const workbook = await workbookOf((await exportAs(coordinator, 'xlsx')).buffer);
    const results = asObjects(sheetValues(workbook.getWorksheet('Results')!));
    const cell = results.find((r) => r['First name'].includes('HYPERLINK'))!;
    expect(cell['First name']).toBe(`'${EVIL}`);
    // No cell of the workbook is a formula.
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)),
      ),
    );
  });

  it('writes the same rows as XLSX, with a Summary sheet carrying every figure of the campaign', async () => {
    await setUp();
    const { rows, buffer } = await exportAs(coordinator, 'xlsx');
    expect(rows).toBe(6);
    const workbook = await workbookOf(buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Results', 'Summary']);
    const fromXlsx = asObjects(sheetValues(workbook.getWorksheet('Results')!));
    const fromCsv = csvRows((await exportAs(coordinator, 'csv')).buffer);
    expect(fromXlsx).toEqual(fromCsv);

    const stats = await getCampaignStats(coordinator, campaignId, {});
    const summary = sheetValues(workbook.getWorksheet('Summary')!);
    const value = (label: string) => summary.find((r) => r[0] === label)?.[1];
    expect(value('Campaign')).toBe('Test campaign');
    expect(value('Time zone')).toBe('America/Toronto');
    for (const key of FIGURE_KEYS) {
      const expected = stats.figures[key];
      expect([key, value(FIGURE_DEFINITIONS[key].label)]).toEqual([
        key,
        expected === null ? '' : expected,
      ]);
    }
    expect(stats.figures).toMatchObject({ callsMade: 3, patronsCalled: 4, quotesCollected: 1 });
    const services = summary.slice(summary.findIndex((r) => r[0] === 'Service') + 1);
    expect(services.map((r) => r.slice(0, 3))).toEqual(
      stats.services.map((s) => [s.name, s.toldAbout, s.wanted]),
    );
    expect(services).toContainEqual(['Curbside service', 2, 1]);
  });

  it('keeps the attempts of the days asked for, and the never-called patrons', async () => {
    await setUp();
    const parsed = csvRows(
      (await exportAs(coordinator, 'csv', { from: '2026-03-05', to: '2026-03-05' })).buffer,
    );
    expect(parsed.map((r) => [r['First name'], r.Channel])).toEqual([
      ['Ana', 'email'],
      ['Nobody', ''],
    ]);
    // Nothing happened on the 3rd or the 4th.
    expect(
      csvRows(
        (await exportAs(coordinator, 'csv', { from: '2026-03-03', to: '2026-03-04' })).buffer,
      ).map((r) => r['First name']),
    ).toEqual(['Nobody']);
    await expect(
      exportAs(coordinator, 'csv', { from: '2026-03-05', to: '2026-03-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('keeps the attempts of a patron no longer on the call list', async () => {
    const { ana } = await setUp();
    await t.db.deleteFrom('call_list').where('patron_id', '=', ana.id).execute();
    const parsed = csvRows((await exportAs(coordinator, 'csv')).buffer);
    expect(byName(parsed, 'Ana').map((r) => r.Channel)).toEqual(['phone', 'email']);
    expect(parsed).toHaveLength(6);
  });

  it('is audited with its row count, and only for admins and coordinators', async () => {
    await setUp();
    await exportAs(coordinator, 'csv', { from: '2026-03-01' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['object_id', 'details'])
      .where('action', '=', 'campaign.export_results')
      .executeTakeFirstOrThrow();
    expect(audit.object_id).toBe(String(campaignId));
    expect(JSON.parse(audit.details ?? '{}')).toEqual({
      format: 'csv',
      from: '2026-03-01',
      to: null,
      rows: 6,
    });
    for (const role of ['viewer', 'caller'] as const) {
      const ctx = testCtx(t.db, await createStaff(t.db, role), clock);
      await expect(exportAs(ctx, 'csv')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    campaignId = 999_999;
    await expect(exportAs(coordinator, 'csv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('reads the call list a page at a time and writes every patron once', async () => {
    const many = 1_234;
    const now = clock.now().toISOString();
    const rows = Array.from({ length: many }, (_, i) => ({
      card_number: `2900400${String(i).padStart(7, '0')}`,
      first_name: `P${i}`,
      last_name: 'Many',
      status: 'active' as const,
      primary_phone: `+1905555${String(i).padStart(4, '0')}`,
      content_hash: 'x',
      created_at: now,
      updated_at: now,
    }));
    for (let i = 0; i < rows.length; i += 200)
      await t.db
        .insertInto('patrons')
        .values(rows.slice(i, i + 200))
        .execute();
    campaignId = (await launchTestCampaign(coordinator)).id;
    const parsed = csvRows((await exportAs(coordinator, 'csv')).buffer);
    expect(parsed).toHaveLength(many);
    expect(new Set(parsed.map((r) => r['Card number'])).size).toBe(many);
  });
});
