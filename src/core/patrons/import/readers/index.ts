import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { FileFormat, ImportProblem, SourceRow } from '../types.js';
import { detectDelimiter, DETECT_HEAD_BYTES, detectFormat } from './detect.js';
import { ImportFileError } from './errors.js';
import { detectTextEncoding, readDelimitedRows, readHeadText } from './csv.js';
import { openJson } from './json.js';
import { resolveLimits, type ReadLimits } from './limits.js';
import { assembleRows, problemLog, type AssembleOptions, type RawRow } from './rows.js';
import { mib } from './zip.js';
import { openXlsx } from './xlsx.js';

export { detectFormat, detectDelimiter } from './detect.js';
export { ImportFileError, type ImportFileErrorCode } from './errors.js';
export { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.js';
export { columnLetters } from './headers.js';

export interface ReadSpreadsheetOptions {
  /** Skip detection (the coordinator chose the format). */
  format?: FileFormat;
  /** Sheet name for workbooks; the first sheet by default. */
  sheet?: string;
  limits?: Partial<ReadLimits>;
  /** The file has no header row (some ILS exports): these name its columns, and row 1 is data. */
  headers?: string[];
  /** Name used in messages; the file's own name by default (uploads are stored under temporary names). */
  fileName?: string;
}

export interface SpreadsheetRead {
  format: FileFormat;
  /** Text files only: utf-8, windows-1252, utf-16le or utf-16be. */
  encoding?: string;
  /** Workbooks only: the sheet read. */
  sheet?: string;
  /** The header row as written (trimmed), without blank or duplicate headers. */
  headers: string[];
  /** Data rows, streamed; iterate once. */
  rows: AsyncIterable<SourceRow>;
  /** Frees the file when the rows are not read to the end (only the header was wanted). */
  close: () => Promise<void>;
  /**
   * File and row problems. The array is live: problems found while rows are read are added to it,
   * and it is complete once rows has been iterated to the end. Severity 'error' marks a skipped row.
   */
  warnings: ImportProblem[];
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(DETECT_HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function openRows(
  path: string,
  fileName: string,
  format: FileFormat,
  options: ReadSpreadsheetOptions,
  limits: ReadLimits,
  base: Omit<AssembleOptions, 'letters' | 'ragged'>,
): Promise<SpreadsheetRead> {
  const { log } = base;
  switch (format) {
    case 'csv':
    case 'tsv': {
      const encoding = await detectTextEncoding(path, fileName);
      const delimiter =
        format === 'tsv' ? '\t' : detectDelimiter(await readHeadText(path, encoding), fileName);
      const source: AsyncGenerator<RawRow> = readDelimitedRows(path, fileName, encoding, delimiter);
      const { headers, rows, close } = await assembleRows(source, {
        ...base,
        letters: false,
        ragged: true,
      });
      return { format, encoding, headers, rows, close, warnings: log.problems };
    }
    case 'xlsx': {
      const source = await openXlsx(path, fileName, limits, log, options.sheet);
      const { headers, rows, close } = await assembleRows(source.rows, {
        ...base,
        letters: true,
        ragged: false,
      });
      return { format, sheet: source.sheetName, headers, rows, close, warnings: log.problems };
    }
    case 'json':
    case 'jsonl': {
      const source = await openJson(path, fileName, format, limits, log);
      const { headers, rows, close } = await assembleRows(source.rows, {
        ...base,
        headers: source.headers,
        letters: false,
        ragged: false,
      });
      return { format, encoding: 'utf-8', headers, rows, close, warnings: log.problems };
    }
    case 'ods':
      // No maintained Node library streams OpenDocument spreadsheets (see the readers' decision record).
      throw new ImportFileError(
        'UNSUPPORTED_FORMAT',
        fileName,
        'OpenDocument spreadsheets (.ods) cannot be imported yet; in LibreOffice use File › Save As › Excel 2007-365 (.xlsx) or Text CSV (UTF-8)',
      );
  }
}

/**
 * Opens a patron file for streaming: detects the format (content first), checks the size caps,
 * reads the header and returns the data rows as an async iterable. Pure: no database.
 */
export async function readSpreadsheet(
  path: string,
  options: ReadSpreadsheetOptions = {},
): Promise<SpreadsheetRead> {
  const fileName = options.fileName ?? basename(path);
  const limits = resolveLimits(options.limits);
  const { size } = await stat(path);
  if (size === 0) throw new ImportFileError('EMPTY_FILE', fileName, 'the file is empty');
  if (size > limits.maxFileBytes) {
    throw new ImportFileError(
      'TOO_LARGE',
      fileName,
      `the file is ${mib(size)} MiB; the limit is ${mib(limits.maxFileBytes)} MiB`,
    );
  }
  const format = options.format ?? detectFormat(fileName, await readHead(path));
  const log = problemLog(limits.maxProblems);
  const base = {
    fileName,
    limits,
    log,
    ...(options.headers && format !== 'json' && format !== 'jsonl'
      ? { headers: options.headers }
      : {}),
  };
  return openRows(path, fileName, format, options, limits, base);
}
