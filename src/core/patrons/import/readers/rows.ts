import type { ImportProblem, SourceRow } from '../types.js';
import { ImportFileError } from './errors.js';
import { cellsFor, columnLetters, isBlankRow, planHeaders } from './headers.js';
import type { ReadLimits } from './limits.js';

/** A row as a format reader sees it: positional cell text, undefined for an absent cell. */
export interface RawRow {
  rowNumber: number;
  values: (string | undefined)[];
}

/**
 * Collects problems in the array handed to the caller. The array is live: row problems are added
 * while rows are read, and it is complete once the rows have been iterated to the end.
 */
export interface ProblemLog {
  problems: ImportProblem[];
  add(problem: ImportProblem): void;
  /** Adds the count of problems left out, once reading is over. */
  close(): void;
}

export function problemLog(max: number): ProblemLog {
  const problems: ImportProblem[] = [];
  let dropped = 0;
  return {
    problems,
    add(problem) {
      if (problems.length < max) problems.push(problem);
      else dropped++;
    },
    close() {
      if (dropped === 0) return;
      problems.push({
        row: 0,
        column: null,
        value: null,
        reason: `${dropped} more problems were found but are not listed`,
        severity: 'warning',
      });
      dropped = 0;
    },
  };
}

export interface AssembleOptions {
  fileName: string;
  limits: ReadLimits;
  log: ProblemLog;
  /** Name columns by letter (spreadsheets) or by number (text files). */
  letters: boolean;
  /** Warn when a row has more or fewer cells than the header (delimited text only). */
  ragged: boolean;
  /** The header when the format has none of its own (JSON): the source then holds data rows only. */
  headers?: string[];
  /** Runs once the rows have all been read (or reading stopped): closes files, adds summaries. */
  finish?: () => Promise<void> | void;
}

/** A byte count is only worth computing for cells near the limit: one UTF-16 unit is at most 3 bytes. */
function oversizedCell(values: readonly (string | undefined)[], maxBytes: number): number {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== undefined && value.length * 3 > maxBytes && Buffer.byteLength(value) > maxBytes) {
      return i;
    }
  }
  return -1;
}

function preview(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/**
 * Finds the header (the first non-blank row) and turns the rest into SourceRows: blank rows are
 * skipped, oversized cells make their row an error instead of failing the file, and the row cap
 * stops the read with a clear error.
 */
export async function assembleRows(
  source: AsyncIterator<RawRow>,
  options: AssembleOptions,
): Promise<{ headers: string[]; rows: AsyncIterable<SourceRow>; close: () => Promise<void> }> {
  const { fileName, limits, log } = options;
  let header: RawRow | undefined = options.headers
    ? { rowNumber: 0, values: options.headers }
    : undefined;
  while (!header) {
    const next = await source.next();
    if (next.done === true) break;
    if (!isBlankRow(next.value.values)) {
      header = next.value;
      break;
    }
  }
  if (!header) {
    await options.finish?.();
    throw new ImportFileError('EMPTY_FILE', fileName, 'the file has no header row and no data');
  }
  const plan = planHeaders(
    header.values.map((v) => v ?? ''),
    options.letters,
  );
  for (const warning of plan.warnings) log.add({ ...warning, row: header.rowNumber });
  if (plan.headers.length > limits.maxColumns) {
    await options.finish?.();
    throw new ImportFileError(
      'TOO_LARGE',
      fileName,
      `the header has ${plan.headers.length} columns; at most ${limits.maxColumns} are accepted`,
      { row: header.rowNumber },
    );
  }
  const width = header.values.length;
  const where = (i: number): string => (options.letters ? columnLetters(i) : String(i + 1));

  async function* rows(): AsyncGenerator<SourceRow> {
    let count = 0;
    try {
      for (;;) {
        const next = await source.next();
        if (next.done === true) break;
        const { rowNumber, values } = next.value;
        if (isBlankRow(values)) continue;
        if (++count > limits.maxRows) {
          throw new ImportFileError(
            'TOO_MANY_ROWS',
            fileName,
            `more than ${limits.maxRows} data rows (stopped at row ${rowNumber}); split the file`,
            { row: rowNumber },
          );
        }
        const big = oversizedCell(values, limits.maxCellBytes);
        if (big >= 0) {
          log.add({
            row: rowNumber,
            column: plan.headers[plan.columns.indexOf(big)] ?? where(big),
            value: preview(values[big] ?? ''),
            reason: `Cell ${where(big)}${rowNumber} is larger than ${Math.round(limits.maxCellBytes / 1024)} KiB; the row is skipped`,
            severity: 'error',
          });
          continue;
        }
        if (options.ragged && values.length !== width) {
          log.add({
            row: rowNumber,
            column: null,
            value: null,
            reason: `Row ${rowNumber} has ${values.length} cells but the header has ${width}${values.length > width ? '; the extra cells are ignored' : ''}`,
            severity: 'warning',
          });
        }
        yield { rowNumber, cells: cellsFor(plan, values) };
      }
    } finally {
      await source.return?.();
      await options.finish?.();
      log.close();
    }
  }
  // For a reader whose rows are never iterated (only its header was wanted): frees the file.
  const close = async (): Promise<void> => {
    await source.return?.();
    await options.finish?.();
  };
  return { headers: plan.headers, rows: rows(), close };
}
