import { AppError } from '../../errors.js';
import { detectLayout, findLayout, resolveMapping, type LayoutDetection } from './layouts/index.js';
import { ImportFileError, readSpreadsheet, type SpreadsheetRead } from './readers/index.js';
import type { FieldMapping, FileFormat, ImportProblem } from './types.js';

/** What a coordinator says about a file; anything left out is detected. */
export interface FileChoices {
  filePath: string;
  fileName: string;
  format?: FileFormat | undefined;
  sheet?: string | undefined;
  layout?: string | undefined;
  mapping?: FieldMapping | undefined;
}

export interface ImportPlan {
  /** The file opened at its first data row. Close it when its rows are not read to the end. */
  read: SpreadsheetRead;
  plan: LayoutDetection;
  /** Column names used for a file that has no header row. */
  headers?: readonly string[];
}

/** A file that cannot be read becomes UNPROCESSABLE with the reader's message (it names the file). */
export function unreadable(error: unknown): unknown {
  return error instanceof ImportFileError
    ? new AppError('UNPROCESSABLE', error.message, { reason: error.code })
    : error;
}

async function openFile(
  choices: FileChoices,
  headers?: readonly string[],
): Promise<SpreadsheetRead> {
  return readSpreadsheet(choices.filePath, {
    fileName: choices.fileName,
    ...(choices.format ? { format: choices.format } : {}),
    ...(choices.sheet ? { sheet: choices.sheet } : {}),
    ...(headers ? { headers: [...headers] } : {}),
  }).catch((error: unknown) => {
    throw unreadable(error);
  });
}

/**
 * Opens a patron file and settles its layout and mapping: the chosen layout, or the one its header
 * row matches best. A chosen layout whose exports have no header row (Polaris phone notices) reads
 * the first row as data when it holds no known header. Used by the preview and the import alike.
 * @throws UNPROCESSABLE (unreadable file), VALIDATION_FAILED (unknown layout)
 */
export async function planFile(choices: FileChoices): Promise<ImportPlan> {
  const chosen = choices.layout === undefined ? undefined : findLayout(choices.layout);
  if (choices.layout !== undefined && chosen === undefined) {
    throw new AppError('VALIDATION_FAILED', `Unknown layout "${choices.layout}"`, {
      field: 'layout',
    });
  }
  const settle = (read: SpreadsheetRead): LayoutDetection =>
    chosen
      ? {
          layout: chosen,
          confidence: 1,
          candidates: [{ id: chosen.id, confidence: 1 }],
          ...resolveMapping(chosen, read.headers, choices.mapping),
        }
      : detectLayout(read.headers, read.format, choices.mapping);
  const read = await openFile(choices);
  const plan = settle(read);
  const headerless = chosen?.headerlessColumns;
  if (plan.mapping.cardNumber !== undefined || !headerless) return { read, plan };
  await read.close();
  const reread = await openFile(choices, headerless);
  return { read: reread, plan: settle(reread), headers: headerless };
}

/** The header-row findings as problems of row 1: refused, unknown and rejected columns. */
export function headerProblems(plan: LayoutDetection): ImportProblem[] {
  const warning = (column: string, value: string | null, reason: string): ImportProblem => ({
    row: 1,
    column,
    value,
    reason,
    severity: 'warning',
  });
  return [
    ...plan.refusedColumns.map((r) => warning(r.column, null, r.reason)),
    ...plan.unknownColumns.map((c) =>
      warning(c, null, 'column not used by Outreach Desk: ignored'),
    ),
    ...plan.rejectedOverrides.map((r) => warning(r.column, r.field, r.reason)),
  ];
}
