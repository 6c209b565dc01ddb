import type { PendingPatron } from './apply-batch.js';
import { findLayout, mapRow } from './layouts/index.js';
import type { CountryCode } from './normalise/phone.js';
import { readSpreadsheet } from './readers/index.js';
import type { FieldMapping, FileFormat, ImportProblem } from './types.js';

/** What to parse: everything a worker thread needs, as plain data. */
export interface ParseSource {
  filePath: string;
  fileName: string;
  format: FileFormat;
  sheet?: string | undefined;
  layoutId: string;
  /** Column names for a file without a header row. */
  headers?: string[] | undefined;
  mapping: FieldMapping;
  defaultRegion: string;
  /** ISO timestamp of the import's "today" (statuses, implausible birth dates). */
  today: string;
  /** Rows up to this one were applied before (a resumed import): skipped. */
  skipThrough: number;
  batchSize: number;
}

/** A batch of mapped rows ready to write, with the problems found reading and mapping them. */
export interface ParsedBatch {
  patrons: PendingPatron[];
  problems: ImportProblem[];
  /** The last source row this batch covers. */
  lastRow: number;
  /** Rows read in this batch, rejected ones included. */
  rows: number;
  /** Rows that could not become a patron (mapping error, or skipped by the reader). */
  rejected: number;
}

/**
 * Reads and maps a patron file into batches. Pure (no database): it runs in a worker thread during
 * imports so parsing never competes with callers' requests (PERFORMANCE PA-6).
 */
export async function* parseBatches(source: ParseSource): AsyncGenerator<ParsedBatch> {
  const layout = findLayout(source.layoutId);
  if (!layout) throw new Error(`unknown layout ${source.layoutId}`);
  const read = await readSpreadsheet(source.filePath, {
    fileName: source.fileName,
    format: source.format,
    ...(source.sheet ? { sheet: source.sheet } : {}),
    ...(source.headers ? { headers: source.headers } : {}),
  });
  const options = {
    defaultRegion: source.defaultRegion as CountryCode,
    today: new Date(source.today),
  };
  let batch: ParsedBatch = {
    patrons: [],
    problems: [],
    lastRow: source.skipThrough,
    rows: 0,
    rejected: 0,
  };
  let readerProblemsSeen = 0;
  // Problems the reader found since the last row: a formula cell (warning), or a row it had to skip
  // (error), which counts as a rejected row.
  const takeReaderProblems = () => {
    const fresh = read.warnings
      .slice(readerProblemsSeen)
      .filter((p) => p.row === 0 || p.row > source.skipThrough);
    readerProblemsSeen = read.warnings.length;
    const skipped = fresh.filter((p) => p.severity === 'error' && p.row > 0).length;
    batch.rows += skipped;
    batch.rejected += skipped;
    batch.problems.push(...fresh);
  };
  for await (const row of read.rows) {
    takeReaderProblems();
    if (row.rowNumber <= source.skipThrough) continue;
    batch.lastRow = row.rowNumber;
    batch.rows += 1;
    const mapped = mapRow(row, layout, source.mapping, options);
    batch.problems.push(...mapped.problems);
    if (mapped.patron) batch.patrons.push({ row: row.rowNumber, patron: mapped.patron });
    else batch.rejected += 1;
    if (batch.patrons.length >= source.batchSize || batch.problems.length >= source.batchSize) {
      yield batch;
      batch = { patrons: [], problems: [], lastRow: batch.lastRow, rows: 0, rejected: 0 };
    }
  }
  takeReaderProblems();
  yield batch;
}
