import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectFormat, ImportFileError } from './index.js';

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportFileError) return error.code;
    throw error;
  }
  return 'none';
}

describe('detectFormat', () => {
  it('goes by content first and uses the name only to break ties', () => {
    expect(detectFormat('patrons.xlsx', Buffer.from('cardnumber,surname\n1,A\n'))).toBe('csv');
    expect(detectFormat('patrons.csv', Buffer.from('cardnumber\tsurname\n1\tA\n'))).toBe('tsv');
    expect(detectFormat('patrons.tsv', Buffer.from('cardnumber\n1\n'))).toBe('tsv');
    expect(detectFormat('patrons.csv', Buffer.from('cardnumber\n1\n'))).toBe('csv');
    expect(detectFormat('data.txt', Buffer.from('[{"a":1}]'))).toBe('json');
    expect(detectFormat('data.json', Buffer.from('{"users":[{"a":1}],"totalRecords":1}'))).toBe(
      'json',
    );
    expect(detectFormat('data.json', Buffer.from('{"a":1}\n{"a":2}\n'))).toBe('jsonl');
  });

  it('tells xlsx from ods by the zip contents', () => {
    const zip = (name: string, body: string): Buffer =>
      Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(26),
        Buffer.from(name + body),
      ]);
    expect(detectFormat('x.csv', zip('[Content_Types].xml', '<Types/>xl/workbook.xml'))).toBe(
      'xlsx',
    );
    expect(
      detectFormat('x.xlsx', zip('mimetype', 'application/vnd.oasis.opendocument.spreadsheet')),
    ).toBe('ods');
    expect(
      code(() =>
        detectFormat('x.xlsx', zip('mimetype', 'application/vnd.oasis.opendocument.text')),
      ),
    ).toBe('NOT_A_SPREADSHEET');
    expect(code(() => detectFormat('x.xlsx', zip('word/document.xml', '')))).toBe(
      'NOT_A_SPREADSHEET',
    );
    expect(code(() => detectFormat('x.csv', zip('photo.jpg', '')))).toBe('NOT_A_SPREADSHEET');
  });

  it('refuses binary junk, legacy .xls, PDFs and web pages with a clear code', () => {
    expect(code(() => detectFormat('p.csv', Buffer.from([0x41, 0x00, 0x42, 0x0a])))).toBe(
      'BINARY_DATA',
    );
    expect(
      code(() =>
        detectFormat(
          'p.csv',
          Buffer.from(Array.from({ length: 200 }, (_, i) => ((i * 7) % 31) + 1)),
        ),
      ),
    ).toBe('BINARY_DATA');
    expect(code(() => detectFormat('p.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1])))).toBe(
      'NOT_A_SPREADSHEET',
    );
    expect(code(() => detectFormat('p.csv', Buffer.from('%PDF-1.7')))).toBe('NOT_A_SPREADSHEET');
    expect(code(() => detectFormat('p.xls', Buffer.from('<html><table>')))).toBe(
      'NOT_A_SPREADSHEET',
    );
    expect(code(() => detectFormat('p.csv', Buffer.alloc(0)))).toBe('EMPTY_FILE');
    expect(code(() => detectFormat('p.csv', Buffer.from('  \n\n')))).toBe('EMPTY_FILE');
  });

  it('names the file in its messages', () => {
    expect(() => detectFormat('members.pdf', Buffer.from('%PDF'))).toThrow(
      /^members\.pdf: this is a PDF/,
    );
  });
});

describe('detectDelimiter', () => {
  it('prefers the delimiter that splits every line the same way', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b\n1,2\n')).toBe(',');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
  });
});
