import type { ImportProblem } from '../types.js';

/** Spreadsheet column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** How a reader turns a positional row into header → text: one entry per kept column. */
export interface HeaderPlan {
  headers: string[];
  /** Index in the source row for each kept header, same order as headers. */
  columns: number[];
  warnings: ImportProblem[];
}

/**
 * Trims the header row, drops blank headers and keeps the first of duplicated ones, warning with
 * the column letters so the coordinator can find them. Blank header cells are dropped silently
 * unless data sits under them (the reader warns about that per row).
 */
export function planHeaders(raw: readonly string[], letters = true): HeaderPlan {
  const headers: string[] = [];
  const columns: number[] = [];
  const warnings: ImportProblem[] = [];
  const firstSeen = new Map<string, number>();
  raw.forEach((cell, index) => {
    const header = cell.trim();
    if (header === '') return;
    const first = firstSeen.get(header);
    const where = (i: number): string => (letters ? columnLetters(i) : String(i + 1));
    if (first !== undefined) {
      warnings.push({
        row: 1,
        column: header,
        value: null,
        reason: `Duplicate header "${header}" in column ${where(index)}; column ${where(first)} is used and column ${where(index)} is ignored`,
        severity: 'warning',
      });
      return;
    }
    firstSeen.set(header, index);
    headers.push(header);
    columns.push(index);
  });
  return { headers, columns, warnings };
}

/** Builds header → cell text for one row. Every header is present so rows share one shape; a missing cell is ''. */
export function cellsFor(
  plan: HeaderPlan,
  values: readonly (string | undefined)[],
): Record<string, string> {
  const cells: Record<string, string> = {};
  const { headers, columns } = plan;
  for (let i = 0; i < headers.length; i++) {
    cells[headers[i] ?? ''] = values[columns[i] ?? -1] ?? '';
  }
  return cells;
}

export function isBlankRow(values: readonly (string | undefined)[]): boolean {
  for (const value of values) if (value !== undefined && value.trim() !== '') return false;
  return true;
}
