import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie } from '../../../tests/helpers/http.js';
import { claimNextPatron } from '../../core/calling/claims.service.js';
import { recordOutcome } from '../../core/calling/outcomes.service.js';
import type { Quote } from '../../shared/schemas/results.js';
import type { Role } from '../../shared/roles.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role, string>;
let campaignId: number;
let consented: number;
let unconsented: number;

/** Two patrons reached; one lets their words be published, the other does not. */
beforeEach(async () => {
  t = await createTestDb();
  const clock = testClock('2026-03-02T15:00:00.000Z');
  app = await buildTestApp(t.db, clock);
  for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
    cookies[role] = await signInCookie(app, (await createStaff(t.db, role)).email);
  }
  const coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator'), clock);
  const caller = testCtx(t.db, await createStaff(t.db, 'caller'), clock);
  await createPatron(t.db, { firstName: 'Maria', lastName: 'Rossi' });
  await createPatron(t.db, { firstName: 'Ana', lastName: 'Lima' });
  await createPatron(t.db, { firstName: 'Nobody', lastName: 'Called' });
  campaignId = (await launchTestCampaign(coordinator)).id;
  for (let i = 0; i < 2; i += 1) {
    const result = await claimNextPatron(caller, campaignId);
    if (result.status !== 'claimed') throw new Error(JSON.stringify(result));
    const [patron] = result.call.patrons;
    await recordOutcome(caller, result.call.claimId, {
      token: result.call.token,
      outcomes: [
        {
          patronId: patron!.patronId,
          outcome: 'reached',
          quote: { text: `Said by ${i}`, consentToPublish: i === 0, attribution: 'full_name' },
        },
      ],
    });
    clock.advance(60_000);
  }
  const quotes = await t.db.selectFrom('quotes').select(['id', 'consent']).execute();
  consented = quotes.find((q) => q.consent === 1)!.id;
  unconsented = quotes.find((q) => q.consent === 0)!.id;
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const call = (role: Role | null, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: role === null ? {} : { cookie: cookies[role] },
    ...(payload ? { payload } : {}),
  });

describe('reports, quotes and exports over HTTP', () => {
  const exportUrl = () => `/api/campaigns/${campaignId}/results/export`;
  const routes = () =>
    [
      ['GET', `${exportUrl()}?format=csv`, undefined, ['admin', 'coordinator']],
      ['GET', '/api/reports/impact', undefined, ['admin', 'coordinator', 'viewer']],
      [
        'PUT',
        '/api/reports/impact/narrative',
        { campaignId: null, narrative: 'A good year.' },
        ['admin', 'coordinator'],
      ],
      ['GET', '/api/quotes', undefined, ['admin', 'coordinator', 'viewer']],
      ['PATCH', `/api/quotes/${consented}`, { status: 'hidden' }, ['admin', 'coordinator']],
    ] as const;

  it('lets each role do only what it may (TRUST SC-5)', async () => {
    for (const [method, url, payload, allowed] of routes()) {
      for (const role of ['admin', 'coordinator', 'caller', 'viewer', null] as const) {
        const response = await call(role, method, url, payload);
        const expected =
          role === null ? 401 : (allowed as readonly Role[]).includes(role) ? 200 : 403;
        expect([method, url, role, response.statusCode]).toEqual([method, url, role, expected]);
      }
    }
  });

  it('exports a campaign’s results as CSV and XLSX, as attachments never cached', async () => {
    const csv = await call('coordinator', 'GET', `${exportUrl()}?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="campaign-${campaignId}-results-2026-03-02.csv"`,
    );
    expect(csv.headers['cache-control']).toBe('no-store');
    const rows = parse<Record<string, string>>(csv.rawPayload, { bom: true, columns: true });
    expect(rows.map((r) => [r['First name'], r.Outcome]).sort()).toEqual([
      ['Ana', 'reached'],
      ['Maria', 'reached'],
      ['Nobody', ''],
    ]);

    const xlsx = await call('admin', 'GET', exportUrl());
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toContain('.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Results', 'Summary']);
    expect(workbook.getWorksheet('Results')!.rowCount).toBe(4);
  });

  it('answers an export it cannot make with an error, not a broken file', async () => {
    const missing = await call('coordinator', 'GET', '/api/campaigns/999999/results/export');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const backwards = await call(
      'coordinator',
      'GET',
      `${exportUrl()}?format=csv&from=2026-03-05&to=2026-03-01`,
    );
    expect(backwards.statusCode).toBe(400);
    const badFormat = await call('coordinator', 'GET', `${exportUrl()}?format=ods`);
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('moderates quotes: viewers see approved ones only, and no quote is approved without consent', async () => {
    const refused = await call('coordinator', 'PATCH', `/api/quotes/${unconsented}`, {
      status: 'approved',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'UNPROCESSABLE' } });
    const approved = await call('admin', 'PATCH', `/api/quotes/${consented}`, {
      status: 'approved',
    });
    expect(approved.json()).toMatchObject({ id: consented, status: 'approved' });
    expect(approved.json<Quote>().attributedTo).toMatch(/^(Maria Rossi|Ana Lima)$/);

    expect(
      (await call('coordinator', 'GET', '/api/quotes')).json<{ items: Quote[] }>().items,
    ).toHaveLength(2);
    expect(
      (await call('coordinator', 'GET', '/api/quotes?status=pending')).json<{ items: Quote[] }>()
        .items,
    ).toMatchObject([{ id: unconsented }]);
    expect(
      (await call('viewer', 'GET', '/api/quotes')).json<{ items: Quote[] }>().items,
    ).toMatchObject([{ id: consented, status: 'approved' }]);
    expect(
      (await call('viewer', 'GET', `/api/quotes?campaignId=${campaignId}&status=hidden`)).json(),
    ).toEqual({ items: [] });
    expect((await call('caller', 'GET', '/api/quotes')).statusCode).toBe(403);
    expect(
      (await call('coordinator', 'PATCH', '/api/quotes/999999', { status: 'hidden' })).statusCode,
    ).toBe(404);
  });

  it('saves a narrative and shows it on the report with the figures and approved quotes', async () => {
    await call('coordinator', 'PATCH', `/api/quotes/${consented}`, { status: 'approved' });
    const saved = await call('coordinator', 'PUT', '/api/reports/impact/narrative', {
      campaignId,
      narrative: 'We called every senior on our list.',
    });
    expect(saved.json()).toMatchObject({
      campaignId,
      narrative: 'We called every senior on our list.',
    });
    const report = await call('viewer', 'GET', `/api/reports/impact?campaignId=${campaignId}`);
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({
      library: { name: expect.any(String) as unknown },
      narrative: 'We called every senior on our list.',
      quotes: [{ id: consented }],
      stats: {
        scope: { campaignId },
        figures: { patronsCalled: 2, quotesCollected: 2, quotesApproved: 1 },
        callers: null,
      },
    });
    expect(
      (
        await call('coordinator', 'PUT', '/api/reports/impact/narrative', {
          campaignId: 999999,
          narrative: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('coordinator', 'PUT', '/api/reports/impact/narrative', { narrative: 'x' }))
        .statusCode,
    ).toBe(400);
  });
});
