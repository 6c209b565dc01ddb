/** Why a file cannot be read at all. Row-level trouble is an ImportProblem instead. */
export type ImportFileErrorCode =
  | 'NOT_A_SPREADSHEET'
  | 'EMPTY_FILE'
  | 'NO_HEADER'
  | 'CORRUPT_XLSX'
  | 'CORRUPT_ZIP'
  | 'UNSUPPORTED_FORMAT'
  | 'SHEET_NOT_FOUND'
  | 'TOO_LARGE'
  | 'ZIP_BOMB'
  | 'BINARY_DATA'
  | 'BAD_JSON'
  | 'BAD_CSV'
  | 'TOO_MANY_ROWS';

/**
 * A file that cannot be imported. The message is meant for the coordinator who uploaded it: it names
 * the file and, where it applies, the row or line.
 */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  readonly fileName: string;
  readonly row: number | null;

  constructor(
    code: ImportFileErrorCode,
    fileName: string,
    message: string,
    options: { row?: number | null; cause?: unknown } = {},
  ) {
    super(`${fileName}: ${message}`, { cause: options.cause });
    this.name = 'ImportFileError';
    this.code = code;
    this.fileName = fileName;
    this.row = options.row ?? null;
  }
}
