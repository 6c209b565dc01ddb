import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError, readSpreadsheet } from './index.js';
import {
  collect,
  moveZipPartsLast,
  tempDir,
  xlsxBuffer,
  zipNames,
  type TempDir,
} from './test-fixtures.js';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.remove();
});

async function read(
  name: string,
  content: Buffer,
  options: Parameters<typeof readSpreadsheet>[1] = {},
) {
  const result = await readSpreadsheet(await dir.file(name, content), options);
  return { ...result, all: await collect(result.rows) };
}

async function failure(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

/** Sets the uncompressed size a zip's central directory declares for one part. */
function lieAboutSize(zip: Buffer, part: string, size: number): Buffer {
  const copy = Buffer.from(zip);
  const name = Buffer.from(part);
  for (let at = copy.indexOf(0x02014b50 & 0xff); at >= 0; at = copy.indexOf(0x50, at + 1)) {
    if (copy.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.subarray(at + 46, at + 46 + nameLength).equals(name)) {
      copy.writeUInt32LE(size, at + 24);
      return copy;
    }
  }
  throw new Error(`no ${part} in the zip`);
}

describe('readSpreadsheet on .xlsx', () => {
  it('keeps a 14-digit card number exact from a numeric xlsx cell', async () => {
    const file = await xlsxBuffer({
      Patrons: [['cardnumber'], [29003000012345], [29003001234567]],
    });
    const { all } = await read('patrons.xlsx', file);
    expect(all.map((r) => r.cells['cardnumber'])).toEqual(['29003000012345', '29003001234567']);
  });

  it('reads dates as ISO text, booleans as true/false and rich text as plain text', async () => {
    const file = await xlsxBuffer({
      Patrons: [
        ['surname', 'dateofbirth', 'homebound', 'note'],
        [
          { richText: [{ text: 'Mac' }, { text: 'Donald', font: { bold: true } }] },
          new Date(Date.UTC(1938, 1, 14)),
          true,
          0.1 + 0.2,
        ],
      ],
    });
    const { all } = await read('patrons.xlsx', file);
    expect(all[0]?.cells).toEqual({
      surname: 'MacDonald',
      dateofbirth: '1938-02-14',
      homebound: 'true',
      note: '0.3',
    });
  });

  it('uses the saved result of a formula cell, never evaluates it, and warns', async () => {
    const file = await xlsxBuffer({
      Patrons: [
        ['cardnumber', 'name'],
        [{ formula: 'A1&"x"', result: 29003000000017 }, 'Ana'],
      ],
    });
    const { all, warnings } = await read('patrons.xlsx', file);
    expect(all[0]?.cells['cardnumber']).toBe('29003000000017');
    expect(warnings).toContainEqual(
      expect.objectContaining({
        row: 2,
        severity: 'warning',
        reason: expect.stringContaining('A2 holds a formula'),
      }),
    );
  });

  it('reads a workbook whose xl/workbook.xml comes after the sheets (which crashes exceljs alone)', async () => {
    const original = await xlsxBuffer({
      Patrons: [
        ['cardnumber', 'surname', 'dob'],
        [29003000012345, 'Rossi', new Date(Date.UTC(1940, 4, 3))],
      ],
    });
    const reordered = await moveZipPartsLast(original, [
      'xl/worksheets/sheet1.xml',
      'xl/workbook.xml',
    ]);
    const names = await zipNames(reordered);
    expect(names.indexOf('xl/workbook.xml')).toBeGreaterThan(
      names.indexOf('xl/worksheets/sheet1.xml'),
    );
    expect(names.indexOf('xl/sharedStrings.xml')).toBeLessThan(
      names.indexOf('xl/worksheets/sheet1.xml'),
    );

    const path = await dir.file('plain.xlsx', reordered);
    const direct = async (): Promise<void> => {
      for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(path, {}))
        for await (const _row of sheet);
    };
    await expect(direct()).rejects.toThrow(/sheets/);

    const { all } = await read('patrons.xlsx', reordered);
    expect(all).toEqual([
      {
        rowNumber: 2,
        cells: { cardnumber: '29003000012345', surname: 'Rossi', dob: '1940-05-03' },
      },
    ]);
  });

  it('still recognises dates when styles.xml comes after the sheet', async () => {
    const original = await xlsxBuffer({ Patrons: [['dob'], [new Date(Date.UTC(1931, 10, 30))]] });
    const reordered = await moveZipPartsLast(original, [
      'xl/worksheets/sheet1.xml',
      'xl/styles.xml',
    ]);
    const { all } = await read('patrons.xlsx', reordered);
    expect(all[0]?.cells['dob']).toBe('1931-11-30');
  });

  it('reads the first sheet by default and a named sheet on request', async () => {
    const file = await xlsxBuffer({
      Notes: [['x'], ['first']],
      Patrons: [['cardnumber'], ['2900']],
    });
    expect((await read('a.xlsx', file)).all[0]?.cells).toEqual({ x: 'first' });
    const named = await read('b.xlsx', file, { sheet: 'patrons' });
    expect(named.sheet).toBe('Patrons');
    expect(named.all[0]?.cells).toEqual({ cardnumber: '2900' });
    const error = await failure(
      readSpreadsheet(await dir.file('c.xlsx', file), { sheet: 'Loans' }),
    );
    expect(error.code).toBe('SHEET_NOT_FOUND');
    expect(error.message).toContain('"Notes", "Patrons"');
  });

  it('skips empty rows and numbers rows as the spreadsheet shows them', async () => {
    const file = await xlsxBuffer({
      P: [[], ['cardnumber', 'surname'], ['1', 'A'], [], [null, null], ['2', 'B']],
    });
    const { all, headers } = await read('p.xlsx', file);
    expect(headers).toEqual(['cardnumber', 'surname']);
    expect(all.map((r) => r.rowNumber)).toEqual([3, 6]);
  });

  it('keeps the first of duplicate headers and names both columns by letter', async () => {
    const file = await xlsxBuffer({
      P: [
        ['email', 'surname', 'email'],
        ['a@example.org', 'Li', 'b@example.org'],
      ],
    });
    const { all, warnings, headers } = await read('p.xlsx', file);
    expect(headers).toEqual(['email', 'surname']);
    expect(all[0]?.cells['email']).toBe('a@example.org');
    expect(warnings[0]?.reason).toMatch(/Duplicate header "email" in column C; column A is used/);
  });

  it('warns about a number longer than Excel keeps exactly', async () => {
    const file = await xlsxBuffer({ P: [['cardnumber'], [2900300001234567]] });
    const { warnings } = await read('p.xlsx', file);
    expect(warnings[0]?.reason).toContain('more than 15 digits');
  });

  it('refuses a workbook that expands beyond the uncompressed limit before parsing', async () => {
    const rows = [
      ['note'],
      ...Array.from({ length: 2000 }, (_, i) => [`row ${i} ${'x'.repeat(50)}`]),
    ];
    const file = await xlsxBuffer({ P: rows });
    const error = await failure(
      readSpreadsheet(await dir.file('p.xlsx', file), { limits: { maxUncompressedBytes: 50_000 } }),
    );
    expect(error.code).toBe('ZIP_BOMB');
  });

  it('stops a part that inflates beyond what its directory declares', async () => {
    const rows = [['note'], ...Array.from({ length: 3000 }, (_, i) => [i])];
    const lying = lieAboutSize(await xlsxBuffer({ P: rows }), 'xl/worksheets/sheet1.xml', 100);
    const opening = readSpreadsheet(await dir.file('p.xlsx', lying), {
      limits: { maxUncompressedBytes: 60_000 },
    });
    const error = await failure(opening);
    expect(error.code).toBe('ZIP_BOMB');
  });

  it('refuses a part with an absurd compression ratio', async () => {
    const sheet = `<worksheet><sheetData>${' '.repeat(8 * 1024 * 1024)}</sheetData></worksheet>`;
    expect(sheet.length / deflateRawSync(sheet).length).toBeGreaterThan(500);
    const file = await moveZipPartsLast(await xlsxBuffer({ P: [['a'], ['1']] }), []);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(file);
    zip.file('xl/worksheets/sheet1.xml', sheet);
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const error = await failure(readSpreadsheet(await dir.file('p.xlsx', bomb)));
    expect(error.code).toBe('ZIP_BOMB');
    expect(error.message).toMatch(/p\.xlsx: .*expands \d+×/);
  });

  it('reports a truncated workbook as damaged, naming the file', async () => {
    const file = await xlsxBuffer({ P: [['a'], ['1']] });
    const error = await failure(
      readSpreadsheet(await dir.file('patrons.xlsx', file.subarray(0, file.length - 40))),
    );
    expect(error.code).toBe('CORRUPT_ZIP');
    expect(error.message).toMatch(/^patrons\.xlsx: /);
  });

  it('refuses a zip that is not a workbook', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('photo.txt', 'hello');
    const error = await failure(
      readSpreadsheet(
        await dir.file('patrons.xlsx', await zip.generateAsync({ type: 'nodebuffer' })),
      ),
    );
    expect(error.code).toBe('CORRUPT_XLSX');
  });
});
