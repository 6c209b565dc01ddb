import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Cells a spreadsheet program could read as a formula start with one of these (TRUST SC-7,
 * OWASP "CSV injection"). Such a cell is written with a leading apostrophe, which spreadsheet
 * programs show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function formulaSafe(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? formulaSafe(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF), every text cell formula-safe. */
export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

export type Cell = string | number | boolean | null;

export interface SheetSource {
  name: string;
  columns: readonly string[];
  rows: AsyncIterable<readonly Cell[]>;
}

/**
 * Streams sheets to an .xlsx file: each row is committed as it is written, so memory stays flat
 * however many rows there are. Text cells are formula-safe like the CSV.
 */
export async function writeXlsx(output: Writable, sheets: readonly SheetSource[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useSharedStrings: false,
    useStyles: true,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.columns.map((c) => c)).font = { bold: true };
    worksheet.getRow(1).commit();
    for await (const row of sheet.rows) {
      worksheet
        .addRow(row.map((cell) => (typeof cell === 'string' ? formulaSafe(cell) : cell)))
        .commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}
