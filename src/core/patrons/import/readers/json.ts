import type { FileFormat } from '../types.js';
import { ImportFileError } from './errors.js';
import type { ReadLimits } from './limits.js';
import { scanJsonLines, scanJsonRecords, type JsonRecord } from './json-scan.js';
import type { ProblemLog, RawRow } from './rows.js';

function scalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * Flattens a record to dotted keys (`personal.lastName`, `personal.addresses.0.city`); an array of
 * plain values becomes one cell joined with ";" (e.g. several e-mail addresses).
 */
export function flattenRecord(
  value: object,
  prefix = '',
  out: Map<string, string> = new Map(),
): Map<string, string> {
  if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== 'object')) {
      out.set(
        prefix,
        value
          .map(scalar)
          .filter((s) => s !== '')
          .join(';'),
      );
      return out;
    }
    value.forEach((item: unknown, index) => {
      const key = `${prefix}.${index}`;
      if (item !== null && typeof item === 'object') flattenRecord(item, key, out);
      else out.set(key, scalar(item));
    });
    return out;
  }
  for (const [name, item] of Object.entries(value)) {
    const key = prefix === '' ? name : `${prefix}.${name}`;
    if (item !== null && typeof item === 'object') flattenRecord(item as object, key, out);
    else out.set(key, scalar(item));
  }
  return out;
}

function records(path: string, fileName: string, format: FileFormat): AsyncGenerator<JsonRecord> {
  return format === 'jsonl' ? scanJsonLines(path, fileName) : scanJsonRecords(path, fileName);
}

function asObject(record: JsonRecord, fileName: string): object {
  const { value } = record;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ImportFileError(
      'BAD_JSON',
      fileName,
      `record ${record.rowNumber} (line ${record.line}) is not an object`,
      { row: record.rowNumber },
    );
  }
  return value;
}

export interface JsonSource {
  headers: string[];
  rows: AsyncGenerator<RawRow>;
}

/**
 * Reads the file twice, streaming both times: first to check it and collect every key (records do
 * not all have the same fields, and the header must be known before the first row), then to
 * yield rows. Bad JSON is therefore reported before any row is imported.
 */
export async function openJson(
  path: string,
  fileName: string,
  format: FileFormat,
  limits: ReadLimits,
  log: ProblemLog,
): Promise<JsonSource> {
  const columns = new Map<string, number>();
  let count = 0;
  let truncatedKeys = 0;
  for await (const record of records(path, fileName, format)) {
    count++;
    if (count > limits.maxRows) {
      throw new ImportFileError(
        'TOO_MANY_ROWS',
        fileName,
        `more than ${limits.maxRows} records; split the file`,
        { row: record.rowNumber },
      );
    }
    for (const key of flattenRecord(asObject(record, fileName)).keys()) {
      if (columns.has(key)) continue;
      if (columns.size >= limits.maxColumns) truncatedKeys++;
      else columns.set(key, columns.size);
    }
  }
  if (count === 0) throw new ImportFileError('EMPTY_FILE', fileName, 'the file holds no records');
  if (truncatedKeys > 0) {
    log.add({
      row: 0,
      column: null,
      value: null,
      reason: `Records have more than ${limits.maxColumns} different fields; ${truncatedKeys} are ignored`,
      severity: 'warning',
    });
  }

  async function* rows(): AsyncGenerator<RawRow> {
    for await (const record of records(path, fileName, format)) {
      const values: (string | undefined)[] = new Array<string | undefined>(columns.size);
      for (const [key, text] of flattenRecord(asObject(record, fileName))) {
        const index = columns.get(key);
        if (index !== undefined) values[index] = text;
      }
      yield { rowNumber: record.rowNumber, values };
    }
  }
  return { headers: [...columns.keys()], rows: rows() };
}
