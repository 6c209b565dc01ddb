import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ImportFileError } from './errors.js';

/** One record of a JSON or JSON Lines file, numbered as the coordinator would count it. */
export interface JsonRecord {
  value: unknown;
  /** JSON: the object's position in the array, from 1. JSON Lines: the line number. */
  rowNumber: number;
  /** Line on which the record starts. */
  line: number;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

function badJson(fileName: string, line: number, why: string, cause?: unknown): ImportFileError {
  return new ImportFileError('BAD_JSON', fileName, `invalid JSON at line ${line}: ${why}`, {
    row: line,
    cause,
  });
}

async function* textChunks(path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    yield decoder.decode(chunk as Buffer, { stream: true });
  }
  yield decoder.decode();
}

/**
 * Splits the records out of a JSON file without parsing the whole file at once: either a top-level
 * array, or the first array-valued property of a top-level object (Koha and FOLIO wrap lists as
 * `{ "users": [...], "totalRecords": n }`). Each record's text is parsed with JSON.parse, so only
 * one record is in memory; the structure around the records is checked by this scanner.
 */
export async function* scanJsonRecords(path: string, fileName: string): AsyncGenerator<JsonRecord> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  /** Depth of the records' array once found; elements live at recordDepth + 1. */
  let recordDepth = -1;
  let element = '';
  let elementLine = 0;
  let collecting = false;
  let count = 0;
  let topLevel: 'array' | 'object' | null = null;
  let first = true;
  let closed = false;

  for await (const text of textChunks(path)) {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (first) {
        if (c === 0xfeff || c === 0x20 || c === 0x09 || c === 0x0d || c === NEWLINE) {
          if (c === NEWLINE) line++;
          continue;
        }
        first = false;
        if (c === OPEN_BRACKET) topLevel = 'array';
        else if (c === OPEN_BRACE) topLevel = 'object';
        else throw badJson(fileName, line, 'expected an array or an object of records');
      }
      if (c === NEWLINE) line++;
      if (closed) {
        if (c > 0x20) throw badJson(fileName, line, 'unexpected text after the end of the JSON');
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        continue;
      }
      if (depth === recordDepth && !collecting && c !== 0x2c && c !== CLOSE_BRACKET && c > 0x20) {
        if (c !== OPEN_BRACE) throw badJson(fileName, line, `record ${count + 1} is not an object`);
      }
      if (c === QUOTE) {
        inString = true;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
        if (
          recordDepth < 0 &&
          c === OPEN_BRACKET &&
          (depth === 1 || (depth === 2 && topLevel === 'object'))
        ) {
          recordDepth = depth;
        } else if (depth === recordDepth + 1 && !collecting) {
          collecting = true;
          from = i;
          elementLine = line;
          element = '';
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth--;
        if (depth < 0) throw badJson(fileName, line, `unexpected "${String.fromCharCode(c)}"`);
        if (collecting && depth === recordDepth) {
          element += text.slice(from, i + 1);
          collecting = false;
          count++;
          let value: unknown;
          try {
            value = JSON.parse(element);
          } catch (error) {
            throw badJson(
              fileName,
              elementLine,
              `record ${count} ${error instanceof Error ? error.message : ''}`,
              error,
            );
          }
          element = '';
          yield { value, rowNumber: count, line: elementLine };
        } else if (depth === recordDepth - 1) {
          // The records' array is closed; later arrays are not records.
          recordDepth = Number.POSITIVE_INFINITY;
        }
        if (depth === 0) closed = true;
      }
    }
    if (collecting) element += text.slice(from);
  }
  if (first) throw new ImportFileError('EMPTY_FILE', fileName, 'the file is empty');
  if (inString || depth !== 0)
    throw badJson(fileName, line, 'the file ends before the JSON is complete (truncated?)');
  if (recordDepth < 0) throw badJson(fileName, line, 'no array of records found');
}

/** JSON Lines: one object per line; blank lines are skipped, and a bad line stops the read. */
export async function* scanJsonLines(path: string, fileName: string): AsyncGenerator<JsonRecord> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: 'utf8' }),
    crlfDelay: Infinity,
  });
  let line = 0;
  try {
    for await (const raw of lines) {
      line++;
      const text = line === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw badJson(fileName, line, error instanceof Error ? error.message : 'not JSON', error);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw badJson(fileName, line, 'each line must hold one JSON object');
      }
      yield { value, rowNumber: line, line };
    }
  } finally {
    lines.close();
  }
}
