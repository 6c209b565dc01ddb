import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, multipart, signInCookie } from '../../../tests/helpers/http.js';
import type { Role } from '../../shared/roles.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role, string>;

beforeEach(async () => {
  t = await createTestDb();
  app = await buildTestApp(t.db);
  for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
    cookies[role] = await signInCookie(app, (await createStaff(t.db, role)).email);
  }
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const csv = [
  'cardnumber,surname,firstname,dateofbirth,phone,email,branchcode,categorycode,dateexpiry,lang,issues_count',
  '29003000000011,Rossi,Maria,1941-05-02,(905) 832-2281,maria.rossi@example.org,MAPL,SENIOR,2030-01-31,it,12',
  '29003000000029,Rossi,Giovanni,1939-11-20,905-832-2281,,MAPL,SENIOR,2030-01-31,it,3',
  ',Nobody,No Card,1950-01-01,905-832-0000,,MAPL,SENIOR,2030-01-31,en,0',
  '29003000000037,=HYPERLINK("http://evil.example"),Élise,1950-03-14,416 555 2368 poste 12,,BATH,ADULT,2030-01-31,fr,0',
].join('\n');

function upload(role: Role, fields: Record<string, string>, content = csv, url = '/api/imports') {
  const body = multipart(fields, { name: 'borrowers.csv', content, type: 'text/csv' });
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: cookies[role], ...body.headers },
    payload: body.payload,
  });
}

describe('importPatrons over HTTP', () => {
  it('imports a Koha CSV and reports every count, refusing the circulation column', async () => {
    const response = await upload('coordinator', { wait: 'true' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      layout: 'koha-csv',
      status: 'completed',
      rows: 4,
      inserted: 3,
      rejected: 1,
      dryRun: false,
    });
    const id = response.json<{ id: number }>().id;
    const problems = await app.inject({
      method: 'GET',
      url: `/api/imports/${id}/problems`,
      headers: { cookie: cookies.coordinator },
    });
    const items = problems.json<{
      items: { row: number; column: string | null; reason: string; severity: string }[];
    }>().items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 1, column: 'issues_count' }),
        expect.objectContaining({ row: 4, severity: 'error' }),
      ]),
    );
  });

  it('answers 202 at once and the import can be polled until it is completed', async () => {
    const response = await upload('coordinator', {});
    expect(response.statusCode).toBe(202);
    const id = response.json<{ id: number }>().id;
    let status = 'running';
    for (let i = 0; i < 50 && status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      status = (
        await app.inject({
          method: 'GET',
          url: `/api/imports/${id}`,
          headers: { cookie: cookies.coordinator },
        })
      ).json<{ status: string }>().status;
    }
    expect(status).toBe('completed');
  });

  it('writes no patron in a dry run', async () => {
    const response = await upload('coordinator', { wait: 'true', dryRun: 'true' });
    expect(response.json()).toMatchObject({ dryRun: true, inserted: 3 });
    const list = await app.inject({
      method: 'GET',
      url: '/api/patrons',
      headers: { cookie: cookies.coordinator },
    });
    expect(list.json()).toMatchObject({ total: 0 });
  });

  it('previews the detected layout, mapping and first rows', async () => {
    const response = await upload('coordinator', {}, csv, '/api/imports/preview');
    expect(response.statusCode).toBe(200);
    const preview = response.json<{
      layout: string;
      mapping: Record<string, string>;
      sample: unknown[];
      refusedColumns: { column: string }[];
    }>();
    expect(preview.layout).toBe('koha-csv');
    expect(preview.mapping).toMatchObject({ cardNumber: 'cardnumber', lastName: 'surname' });
    expect(preview.refusedColumns.map((c) => c.column)).toContain('issues_count');
    expect(preview.sample).toHaveLength(4);
  });

  it('explains a file that is not a spreadsheet with 422', async () => {
    const response = await upload(
      'coordinator',
      { wait: 'true' },
      '\u0000\u0001\u0002binary junk\u0000'.repeat(50),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ error: { code: 'UNPROCESSABLE' } });
  });

  it('names the bad field of a malformed mapping', async () => {
    const response = await upload('coordinator', { wait: 'true', mapping: '{not json' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'mapping' }] } },
    });
  });

  it.each(['caller', 'viewer'] as const)('refuses an import by a %s', async (role) => {
    expect((await upload(role, { wait: 'true' })).statusCode).toBe(403);
  });
});

describe('listPatrons and exportPatrons', () => {
  beforeEach(async () => {
    await upload('coordinator', { wait: 'true' });
  });

  it('lists patrons with their household and phones, searchable, and audits the listing', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/patrons?search=rossi',
      headers: { cookie: cookies.coordinator },
    });
    const page = response.json<{
      total: number;
      items: { householdId: number | null; phones: { e164: string }[] }[];
    }>();
    expect(page.total).toBe(2);
    expect(page.items[0]!.householdId).not.toBeNull();
    expect(page.items[0]!.householdId).toBe(page.items[1]!.householdId);
    expect(page.items[0]!.phones[0]!.e164).toBe('+19058322281');
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'patron.list')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it.each(['caller', 'viewer'] as const)('shows no patron list to a %s', async (role) => {
    expect(
      (await app.inject({ method: 'GET', url: '/api/patrons', headers: { cookie: cookies[role] } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/patrons/export',
          headers: { cookie: cookies[role] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('exports JSON in the documented shape', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/patrons/export?format=json',
      headers: { cookie: cookies.coordinator },
    });
    expect(response.statusCode).toBe(200);
    const patrons = response.json<Record<string, unknown>[]>();
    expect(patrons).toHaveLength(3);
    expect(patrons[2]).toMatchObject({
      cardNumber: '29003000000037',
      birthDate: '1950-03-14',
      language: 'fr',
      status: 'active',
      householdId: null,
      emails: [],
      phones: [
        {
          kind: 'home',
          raw: '416 555 2368 poste 12',
          e164: '+14165552368',
          extension: '12',
          valid: true,
        },
      ],
      doNotCall: false,
      doNotEmail: false,
    });
  });

  it('exports CSV with formula cells neutralised', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/patrons/export?format=csv',
      headers: { cookie: cookies.coordinator },
    });
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
