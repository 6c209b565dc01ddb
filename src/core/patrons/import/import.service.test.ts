import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../../tests/helpers/db.js';
import { testCtx } from '../../../../tests/helpers/ctx.js';
import { createStaff } from '../../../../tests/helpers/factories.js';
import type { Ctx } from '../../context.js';
import { importPatrons, type ImportPatronsOptions } from './import.service.js';

let t: TestDatabase;
let ctx: Ctx;
let dir: string;

beforeEach(async () => {
  t = await createTestDb();
  ctx = testCtx(t.db, await createStaff(t.db, 'coordinator'));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-import-'));
});
afterEach(async () => {
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const KOHA_HEADER =
  'cardnumber,surname,firstname,dateofbirth,phone,mobile,email,branchcode,categorycode,dateexpiry,lang';
const rows = [
  '29003000000011,Rossi,Maria,1941-05-02,(905) 832-2281,,maria.rossi@example.org,MAPL,SENIOR,2027-01-31,it',
  '29003000000029,Rossi,Giovanni,1939-11-20,905-832-2281,,,MAPL,SENIOR,2027-01-31,it',
  '29003000000037,Tremblay,Élise,1950-03-14,1-416-555-2368 poste 12,647 555 0199,elise@example.net,BATH,ADULT,2020-01-31,fr',
  '29003000000045,Chen,Wei,1985-07-09,not a phone,,wei.chen@example,CIVC,ADULT,2028-06-30,zh',
];

function writeFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${[KOHA_HEADER, ...lines].join('\n')}\n`);
  return file;
}

const run = (file: string, options: Partial<ImportPatronsOptions> = {}) =>
  importPatrons(ctx, {
    filePath: file,
    fileName: path.basename(file),
    dryRun: false,
    defaultRegion: 'CA',
    ...options,
  });

describe('importing a Koha patron export', () => {
  it('adds every patron with normalised phones, a household for a shared line, and a report', async () => {
    const report = await run(writeFile('borrowers.csv', rows));
    expect(report).toMatchObject({
      status: 'completed',
      layout: 'koha-csv',
      rows: 4,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      rejected: 0,
    });
    const patrons = await t.db.selectFrom('patrons').selectAll().orderBy('card_number').execute();
    expect(patrons.map((p) => p.status)).toEqual(['active', 'active', 'expired', 'active']);
    expect(patrons[0]!.household_id).not.toBeNull();
    expect(patrons[0]!.household_id).toBe(patrons[1]!.household_id);
    expect(patrons[2]!.household_id).toBeNull();
    const elise = JSON.parse(patrons[2]!.phones) as {
      kind: string;
      e164: string | null;
      extension: string | null;
    }[];
    expect(elise.map((p) => [p.kind, p.e164, p.extension])).toEqual([
      ['home', '+14165552368', '12'],
      ['mobile', '+16475550199', null],
    ]);
    expect(JSON.parse(patrons[3]!.phones)).toMatchObject([
      { raw: 'not a phone', e164: null, valid: false },
    ]);
    const problems = await t.db
      .selectFrom('import_problems')
      .selectAll()
      .where('import_id', '=', report.id)
      .execute();
    expect(problems.map((p) => [p.row, p.column, p.severity])).toEqual(
      expect.arrayContaining([
        [5, 'phone', 'warning'],
        [5, 'email', 'warning'],
      ]),
    );
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'patron.import')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('changes nothing the second time the same file is imported', async () => {
    const file = writeFile('borrowers.csv', rows);
    await run(file);
    const before = await t.db
      .selectFrom('patrons')
      .select(['id', 'updated_at', 'household_id'])
      .orderBy('id')
      .execute();
    const again = await run(file);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 0, missing: 0 });
    expect(
      await t.db
        .selectFrom('patrons')
        .select(['id', 'updated_at', 'household_id'])
        .orderBy('id')
        .execute(),
    ).toEqual(before);
  });

  it('updates from a newer export but never clears do-not-call, do-not-e-mail, consent or an unsubscribe, and reports who is missing', async () => {
    await run(writeFile('old.csv', rows));
    await t.db
      .updateTable('patrons')
      .set({
        do_not_call_at: '2026-01-01T00:00:00.000Z',
        do_not_email_at: '2026-01-01T00:00:00.000Z',
        email_consent: 'express',
      })
      .where('card_number', '=', '29003000000011')
      .execute();
    // An unsubscribe is kept by address: no import can undo it (TRUST CA-4).
    await t.db
      .insertInto('email_suppressions')
      .values({
        address: 'maria.rossi@example.org',
        reason: 'unsubscribed',
        created_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();
    const newer = [rows[0]!.replace('MAPL,SENIOR', 'WOOD,SENIOR'), rows[1]!, rows[2]!];
    const report = await run(writeFile('new.csv', newer));
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 2, missing: 1 });
    const maria = await t.db
      .selectFrom('patrons')
      .selectAll()
      .where('card_number', '=', '29003000000011')
      .executeTakeFirstOrThrow();
    expect(maria).toMatchObject({
      branch: 'WOOD',
      do_not_call_at: '2026-01-01T00:00:00.000Z',
      do_not_email_at: '2026-01-01T00:00:00.000Z',
      email_consent: 'express',
    });
    expect(await t.db.selectFrom('email_suppressions').select('address').execute()).toEqual([
      { address: 'maria.rossi@example.org' },
    ]);
    expect(
      await t.db
        .selectFrom('patrons')
        .select('id')
        .where('card_number', '=', '29003000000045')
        .executeTakeFirst(),
    ).toBeDefined();
  });

  it('writes no patron in a dry run but reports the same counts', async () => {
    const report = await run(writeFile('borrowers.csv', rows), { dryRun: true });
    expect(report).toMatchObject({ dry_run: 1, status: 'completed', inserted: 4, rows: 4 });
    expect(await t.db.selectFrom('patrons').select('id').execute()).toEqual([]);
  });

  it('keeps the first row of a card number that appears twice and rejects the other', async () => {
    const report = await run(
      writeFile('dupes.csv', [rows[0]!, rows[0]!.replace('Maria', 'Mario')]),
    );
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    const problems = await t.db
      .selectFrom('import_problems')
      .selectAll()
      .where('severity', '=', 'error')
      .execute();
    expect(problems).toMatchObject([
      { row: 3, reason: expect.stringContaining('appears more than once') as unknown },
    ]);
  });

  it('never merges two people with the same name', async () => {
    const twin = rows[0]!
      .replace('29003000000011', '29003000000099')
      .replace('(905) 832-2281', '905 832 9999');
    const report = await run(writeFile('same-name.csv', [rows[0]!, twin]));
    expect(report.inserted).toBe(2);
  });

  it('resumes an interrupted import from where it stopped and finishes it exactly', async () => {
    const many = Array.from(
      { length: 1_234 },
      (_, i) =>
        `2900300${String(1_000_000 + i)},Nguyen,Anh ${i},1950-01-01,905-832-${String(1000 + (i % 9000)).padStart(4, '0')},,,PIER,SENIOR,2030-01-01,en`,
    );
    const file = writeFile('big.csv', many);
    await expect(
      run(file, {
        onProgress: () => {
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const halfway = await t.db.selectFrom('imports').selectAll().executeTakeFirstOrThrow();
    expect(halfway).toMatchObject({ status: 'failed', last_row: 501, inserted: 500 });
    const finished = await run(file);
    expect(finished).toMatchObject({
      id: halfway.id,
      status: 'completed',
      rows: 1_234,
      inserted: 1_234,
      rejected: 0,
    });
    expect(
      (
        await t.db
          .selectFrom('patrons')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ).toBe(1_234);
  });

  it('explains a file it cannot read, and one without a card number column', async () => {
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    await expect(run(empty)).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringContaining('empty') as unknown,
    });
    const noCard = path.join(dir, 'names.csv');
    fs.writeFileSync(noCard, 'First Name,Last Name\nAna,Silva\n');
    await expect(run(noCard)).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringContaining('card number') as unknown,
    });
  });
});

describe('an export without a header row', () => {
  it('imports a Polaris phone-notice file by the layout’s own columns', async () => {
    const file = path.join(dir, 'notices.txt');
    // MediaType, LanguageCode, NoticeType, NotificationLevel, PatronBarcode, PatronTitle, first, last, phone, e-mail…
    fs.writeFileSync(
      file,
      [
        'V,1,1,1,21234000111222,,Marie,Tremblay,905-832-2281,marie@example.org,MAIN,1,Main Library,31234000999,2026-03-10,The Book',
        'V,1,1,1,21234000111230,,Jean,Roy,416-555-2368,,MAIN,1,Main Library,31234000998,2026-03-10,Another Book',
      ].join('\n'),
    );
    const report = await run(file, { layout: 'polaris-phone-notice-csv' });
    expect(report).toMatchObject({ status: 'completed', rows: 2, inserted: 2, rejected: 0 });
    const marie = await t.db
      .selectFrom('patrons')
      .selectAll()
      .where('card_number', '=', '21234000111222')
      .executeTakeFirstOrThrow();
    expect(marie).toMatchObject({
      first_name: 'Marie',
      last_name: 'Tremblay',
      primary_phone: '+19058322281',
    });
  });
});
