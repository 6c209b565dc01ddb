import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { SourceRow } from '../types.js';

/** Fixtures for the readers' tests, built at test time so no binary files live in the repository. */
export interface TempDir {
  path: string;
  file(name: string, content: string | Buffer): Promise<string>;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), 'outreach-readers-'));
  return {
    path,
    async file(name, content) {
      const file = join(path, name);
      await writeFile(file, content);
      return file;
    },
    remove: () => rm(path, { recursive: true, force: true }),
  };
}

export type SheetCell = ExcelJS.CellValue;

/** Builds an .xlsx in memory with exceljs (its regular, non-streaming writer). */
export async function xlsxBuffer(
  sheets: Record<string, SheetCell[][]>,
  style?: (sheet: ExcelJS.Worksheet) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    style?.(sheet);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rewrites a zip so the named parts come last, in the given order (as some tools write xlsx). */
export async function moveZipPartsLast(zip: Buffer, last: readonly string[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(zip);
  const target = new JSZip();
  const names = Object.keys(source.files).filter((name) => !source.files[name]?.dir);
  const ordered = [
    ...names.filter((n) => !last.includes(n)),
    ...last.filter((n) => names.includes(n)),
  ];
  for (const name of ordered) {
    const part = source.file(name);
    if (part) target.file(name, await part.async('nodebuffer'));
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function zipNames(zip: Buffer): Promise<string[]> {
  const archive = await JSZip.loadAsync(zip);
  return Object.keys(archive.files);
}

export async function collect(rows: AsyncIterable<SourceRow>): Promise<SourceRow[]> {
  const all: SourceRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}
