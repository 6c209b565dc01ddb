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

async function read(name: string, content: string) {
  const result = await readSpreadsheet(await dir.file(name, content));
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

describe('readSpreadsheet on JSON and JSON Lines', () => {
  it('flattens a FOLIO-style response to dotted keys, numbering objects from 1', async () => {
    const body = {
      users: [
        {
          barcode: '29003000000017',
          personal: {
            lastName: 'Rossi',
            addresses: [{ city: 'Maple' }],
            emails: ['a@example.org', 'b@example.org'],
          },
        },
        {
          barcode: 29003000000025,
          active: false,
          personal: { lastName: 'Li "Lee"', middleName: null },
        },
      ],
      totalRecords: 2,
    };
    const { all, headers, format } = await read('users.json', JSON.stringify(body, null, 2));
    expect(format).toBe('json');
    expect(headers).toEqual([
      'barcode',
      'personal.lastName',
      'personal.addresses.0.city',
      'personal.emails',
      'active',
      'personal.middleName',
    ]);
    expect(all[0]).toEqual({
      rowNumber: 1,
      cells: {
        barcode: '29003000000017',
        'personal.lastName': 'Rossi',
        'personal.addresses.0.city': 'Maple',
        'personal.emails': 'a@example.org;b@example.org',
        active: '',
        'personal.middleName': '',
      },
    });
    expect(all[1]?.cells).toMatchObject({
      barcode: '29003000000025',
      active: 'false',
      'personal.lastName': 'Li "Lee"',
    });
  });

  it('reads a top-level array with brackets and braces inside strings', async () => {
    const { all } = await read('p.json', '[{"n":"a]}{["},\n{"n":"b\\"}"}]');
    expect(all.map((r) => r.cells['n'])).toEqual(['a]}{[', 'b"}']);
  });

  it('reads JSON Lines, numbering rows by line', async () => {
    const { all, format } = await read('p.jsonl', '{"id":1}\n\n{"id":2,"x":{"y":3}}\n');
    expect(format).toBe('jsonl');
    expect(all).toEqual([
      { rowNumber: 1, cells: { id: '1', 'x.y': '' } },
      { rowNumber: 3, cells: { id: '2', 'x.y': '3' } },
    ]);
  });

  it('reports bad JSON with its line before any row is read', async () => {
    const error = await failure(
      readSpreadsheet(await dir.file('p.json', '[\n{"id":1},\n{"id":2,,}\n]')),
    );
    expect(error.code).toBe('BAD_JSON');
    expect(error.message).toMatch(/^p\.json: invalid JSON at line 3/);
    const lines = await failure(
      readSpreadsheet(await dir.file('p.jsonl', '{"id":1}\n{"id":2}\n{oops}\n')),
    );
    expect(lines.message).toContain('line 3');
  });

  it('reports a truncated file and a record that is not an object', async () => {
    expect(
      (await failure(readSpreadsheet(await dir.file('a.json', '[{"id":1},{"id"')))).message,
    ).toContain('truncated');
    expect(
      (await failure(readSpreadsheet(await dir.file('b.json', '[{"id":1}, 5]')))).message,
    ).toContain('record 2 is not an object');
    expect(
      (await failure(readSpreadsheet(await dir.file('c.json', '{"total": 3}')))).message,
    ).toContain('no array of records');
  });
});
