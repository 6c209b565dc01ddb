import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportFileError, readSpreadsheet } from './index.js';
import { collect, tempDir, type TempDir } from './test-fixtures.js';

let dir: TempDir;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await dir.remove();
});

async function read(
  name: string,
  content: string | Buffer,
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

describe('readSpreadsheet on CSV and TSV', () => {
  it('reads UTF-8 with a BOM, trims headers and numbers rows from 2', async () => {
    const { all, headers, encoding, format } = await read(
      'p.csv',
      '\ufeff cardnumber ,surname\r\n29003000000017,Côté\r\n',
    );
    expect({ format, encoding, headers }).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      headers: ['cardnumber', 'surname'],
    });
    expect(all).toEqual([
      { rowNumber: 2, cells: { cardnumber: '29003000000017', surname: 'Côté' } },
    ]);
  });

  it('detects Windows-1252 even when the first non-ASCII byte is far into the file', async () => {
    const plain = Array.from({ length: 5000 }, (_, i) => `${i},Smith`).join('\n');
    const bytes = Buffer.concat([
      Buffer.from(`id,surname\n${plain}\n9,`),
      Buffer.from([0x43, 0xf4, 0x74, 0xe9]),
      Buffer.from('\n'),
    ]);
    const { all, encoding } = await read('p.csv', bytes);
    expect(encoding).toBe('windows-1252');
    expect(all.at(-1)?.cells['surname']).toBe('Côté');
  });

  it('keeps quoted fields with newlines and counts them as one spreadsheet row', async () => {
    const { all } = await read('p.csv', 'id,address\n1,"12 Main St\nApt 4"\n2,"say ""hi"""\n');
    expect(all).toEqual([
      { rowNumber: 2, cells: { id: '1', address: '12 Main St\nApt 4' } },
      { rowNumber: 3, cells: { id: '2', address: 'say "hi"' } },
    ]);
  });

  it('skips blank lines but keeps counting rows as a spreadsheet shows them', async () => {
    const { all } = await read('p.csv', 'id\n1\n\n,\n2\n');
    expect(all.map((r) => r.rowNumber)).toEqual([2, 5]);
  });

  it('reports ragged rows as warnings and still reads them', async () => {
    const { all, warnings } = await read('p.csv', 'id,name\n1\n2,Ana,extra\n');
    expect(all.map((r) => r.cells)).toEqual([
      { id: '1', name: '' },
      { id: '2', name: 'Ana' },
    ]);
    expect(warnings.map((w) => [w.row, w.severity])).toEqual([
      [2, 'warning'],
      [3, 'warning'],
    ]);
  });

  it('skips a row with a 10 MB cell as an error and reads the rest of the file', async () => {
    const { all, warnings } = await read(
      'p.csv',
      `id,note\n1,ok\n2,${'x'.repeat(10 * 1024 * 1024)}\n3,fine\n`,
    );
    expect(all.map((r) => r.cells['id'])).toEqual(['1', '3']);
    expect(warnings).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'note',
        severity: 'error',
        reason: expect.stringContaining('larger than 1024 KiB'),
      }),
    ]);
  });

  it('detects semicolon and tab delimiters from the content', async () => {
    expect((await read('p.csv', 'id;name\n1;Ana\n')).all[0]?.cells).toEqual({
      id: '1',
      name: 'Ana',
    });
    const tsv = await read('export.xls', 'id\tname\n1\tAna, B\n');
    expect(tsv.format).toBe('tsv');
    expect(tsv.all[0]?.cells).toEqual({ id: '1', name: 'Ana, B' });
  });

  it('reads UTF-16 text with a BOM (Excel "Unicode text")', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('id\tname\n1\tZoë\n', 'utf16le'),
    ]);
    const { all, encoding } = await read('p.txt', bytes);
    expect(encoding).toBe('utf-16le');
    expect(all[0]?.cells).toEqual({ id: '1', name: 'Zoë' });
  });

  it('warns about duplicate headers naming the column numbers', async () => {
    const { headers, warnings, all } = await read('p.csv', 'phone,phone,name\n1,2,A\n');
    expect(headers).toEqual(['phone', 'name']);
    expect(all[0]?.cells['phone']).toBe('1');
    expect(warnings[0]?.reason).toContain('Duplicate header "phone" in column 2; column 1 is used');
  });

  it('fails clearly on an unclosed quote, naming the line', async () => {
    const opened = await readSpreadsheet(await dir.file('p.csv', 'id,name\n1,"Ana\n2,Bo\n'));
    const error = await failure(collect(opened.rows));
    expect(error.code).toBe('BAD_CSV');
    expect(error.message).toMatch(/^p\.csv: .*line \d+/);
  });

  it('refuses binary data with a NUL byte, naming the line', async () => {
    const error = await failure(
      readSpreadsheet(
        await dir.file(
          'p.csv',
          Buffer.concat([Buffer.from('id\n1\n2\n'.repeat(30_000)), Buffer.from([0, 1, 2])]),
        ),
      ),
    );
    expect(error.code).toBe('BINARY_DATA');
    expect(error.message).toContain('line 90001');
  });

  it('stops with TOO_MANY_ROWS beyond the row cap', async () => {
    const opened = await readSpreadsheet(await dir.file('p.csv', 'id\n1\n2\n3\n'), {
      limits: { maxRows: 2 },
    });
    const error = await failure(collect(opened.rows));
    expect(error.code).toBe('TOO_MANY_ROWS');
    expect(error.row).toBe(4);
  });

  it('refuses a file above the size cap and an empty file', async () => {
    expect(
      (
        await failure(
          readSpreadsheet(await dir.file('p.csv', 'id\n1\n'), { limits: { maxFileBytes: 3 } }),
        )
      ).code,
    ).toBe('TOO_LARGE');
    expect((await failure(readSpreadsheet(await dir.file('e.csv', '')))).code).toBe('EMPTY_FILE');
    expect((await failure(readSpreadsheet(await dir.file('b.csv', '\n\n,,\n')))).code).toBe(
      'EMPTY_FILE',
    );
  });

  it('reads formula-looking text as it is written', async () => {
    const { all } = await read('p.csv', 'name\n=HYPERLINK("x")\n');
    expect(all[0]?.cells['name']).toBe('=HYPERLINK("x")');
  });
});
