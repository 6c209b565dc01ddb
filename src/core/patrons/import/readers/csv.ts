import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { ImportFileError } from './errors.js';
import type { RawRow } from './rows.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Where the complete UTF-8 sequences of a chunk end: a sequence cut by the chunk boundary waits for the next chunk. */
function completeUtf8End(chunk: Buffer): number {
  let i = chunk.length - 1;
  let continuation = 0;
  while (i >= 0 && continuation < 3 && ((chunk[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    continuation++;
  }
  if (i < 0) return chunk.length;
  const lead = chunk[i] ?? 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return chunk.length - i < need ? i : chunk.length;
}

function countNewlines(chunk: Buffer, end = chunk.length): number {
  let count = 0;
  let at = chunk.indexOf(0x0a);
  while (at >= 0 && at < end) {
    count++;
    at = chunk.indexOf(0x0a, at + 1);
  }
  return count;
}

/**
 * Reads the whole file once (fast, constant memory) to choose its encoding before any row is
 * parsed: a byte that is not UTF-8 late in the file still means the file is Windows-1252, which is
 * what Excel on Windows writes for "CSV" and what older ILS exports use.
 */
export async function detectTextEncoding(path: string, fileName: string): Promise<TextEncoding> {
  let first = true;
  let utf8 = true;
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  for await (const piece of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    const chunk = piece as Buffer;
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
      if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
    }
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      throw new ImportFileError(
        'BINARY_DATA',
        fileName,
        `binary data (a NUL byte) at line ${line + countNewlines(chunk, nul)}; this is not a text export`,
        { row: line + countNewlines(chunk, nul) },
      );
    }
    line += countNewlines(chunk);
    if (!utf8) continue;
    const joined = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = completeUtf8End(joined);
    if (!isUtf8(joined.subarray(0, end))) utf8 = false;
    carry = Buffer.from(joined.subarray(end));
  }
  if (utf8 && carry.length > 0) utf8 = false;
  return utf8 ? 'utf-8' : 'windows-1252';
}

/** Decodes a byte stream to text with the WHATWG decoder, which keeps characters cut between chunks. */
function decoder(encoding: TextEncoding): Transform {
  const text = new TextDecoder(encoding, { ignoreBOM: false });
  return new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, text.decode(chunk, { stream: true }));
    },
    flush(callback) {
      callback(null, text.decode());
    },
  });
}

/** The first few KiB as text, to choose the delimiter. */
export async function readHeadText(
  path: string,
  encoding: TextEncoding,
  bytes = 64 * 1024,
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(path, { start: 0, end: bytes - 1 }))
    chunks.push(chunk as Buffer);
  const text = new TextDecoder(encoding).decode(Buffer.concat(chunks), { stream: true });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Streams records with csv-parse. Quoted fields may hold newlines; rows are numbered as a
 * spreadsheet shows them (records, counting blank lines), not as text lines.
 */
export function readDelimitedRows(
  path: string,
  fileName: string,
  encoding: TextEncoding,
  delimiter: string,
): AsyncGenerator<RawRow> {
  const source: Readable = createReadStream(path, { highWaterMark: 256 * 1024 });
  // csv-parse decodes UTF-8 buffers itself (and drops the BOM); other encodings are decoded first.
  const input = encoding === 'utf-8' ? source : source.pipe(decoder(encoding));
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
  source.on('error', (error) => parser.destroy(error));
  input.pipe(parser);

  async function* records(): AsyncGenerator<RawRow> {
    let rowNumber = 0;
    try {
      for await (const record of parser) {
        rowNumber++;
        yield { rowNumber, values: record as string[] };
      }
    } catch (error) {
      if (error instanceof CsvError) {
        const lines = (error as CsvError & { lines?: number }).lines;
        throw new ImportFileError(
          'BAD_CSV',
          fileName,
          `the file cannot be read as ${delimiter === '\t' ? 'TSV' : 'CSV'} near line ${lines ?? rowNumber + 1}: ${error.message}`,
          { row: lines ?? rowNumber + 1, cause: error },
        );
      }
      throw error;
    } finally {
      source.destroy();
      parser.destroy();
    }
  }
  return records();
}
