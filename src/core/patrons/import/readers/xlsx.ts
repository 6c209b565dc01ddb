import ExcelJS from 'exceljs';
import { ImportFileError } from './errors.js';
import { columnLetters } from './headers.js';
import type { ReadLimits } from './limits.js';
import type { ProblemLog, RawRow } from './rows.js';
import { cellText } from './xlsx-cells.js';
import {
  inflateEntry,
  inspectZip,
  meterEntry,
  readZipDirectory,
  rebuiltZipStream,
  type ZipEntry,
  type ZipPart,
} from './zip.js';

/** The small XML parts are read whole; none is near this size in a real workbook. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;

function xmlDecode(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, code: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (code.startsWith('#x') || code.startsWith('#X'))
      return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return named[code.toLowerCase()] ?? '';
  });
}

/** Attributes of every `<tag …>` (any namespace prefix), keyed by attribute name as written. */
function elements(xml: string, tag: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const pattern = new RegExp(`<(?:[\\w.-]+:)?${tag}\\b([^>]*)>`, 'g');
  for (const match of xml.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[1] ?? '').matchAll(
      /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g,
    )) {
      attributes[attribute[1] ?? ''] = xmlDecode(attribute[2] ?? attribute[3] ?? '');
    }
    found.push(attributes);
  }
  return found;
}

function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `${baseDir}${target}`.split('/');
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === '..') resolved.pop();
    else if (part !== '.' && part !== '') resolved.push(part);
  }
  return resolved.join('/');
}

interface WorkbookPlan {
  parts: ZipPart[];
  /** The parts copied from the file, metered before exceljs reads them. */
  copied: ZipEntry[];
  sheetName: string;
  date1904: boolean;
}

async function planWorkbook(
  path: string,
  fileName: string,
  entries: readonly ZipEntry[],
  sheet: string | undefined,
): Promise<WorkbookPlan> {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const text = async (entry: ZipEntry): Promise<string> =>
    (await inflateEntry(path, entry, fileName, SMALL_PART_BYTES)).toString('utf8');
  const notXlsx = (why: string): ImportFileError =>
    new ImportFileError('CORRUPT_XLSX', fileName, `this is not a readable .xlsx workbook (${why})`);

  const rootRels = byName.get('_rels/.rels');
  const officeDocument = rootRels
    ? elements(await text(rootRels), 'Relationship').find((r) =>
        r['Type']?.endsWith('/officeDocument'),
      )
    : undefined;
  const workbookPath = officeDocument?.['Target']
    ? resolveTarget('', officeDocument['Target'])
    : 'xl/workbook.xml';
  const workbook = byName.get(workbookPath);
  if (!workbook) throw notXlsx('no workbook part');
  const baseDir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const relsPath = `${baseDir}_rels/${workbookPath.slice(baseDir.length)}.rels`;
  const rels = byName.get(relsPath);
  if (!rels) throw notXlsx('no workbook relationships');

  const workbookXml = await text(workbook);
  const relations = elements(await text(rels), 'Relationship');
  const target = (id: string | undefined): ZipEntry | undefined => {
    const rel = relations.find((r) => r['Id'] === id);
    return rel?.['Target'] ? byName.get(resolveTarget(baseDir, rel['Target'])) : undefined;
  };
  const byType = (suffix: string): ZipEntry | undefined => {
    const rel = relations.find((r) => r['Type']?.endsWith(suffix));
    return rel?.['Target'] ? byName.get(resolveTarget(baseDir, rel['Target'])) : undefined;
  };

  const sheets = elements(workbookXml, 'sheet').filter((s) => s['name'] !== undefined);
  if (sheets.length === 0) throw notXlsx('the workbook lists no sheets');
  const wanted = sheet?.trim().toLowerCase();
  const chosen =
    wanted === undefined
      ? sheets[0]
      : (sheets.find((s) => s['name'] === sheet) ??
        sheets.find((s) => s['name']?.trim().toLowerCase() === wanted));
  if (!chosen) {
    const names = sheets.map((s) => `"${s['name'] ?? ''}"`).join(', ');
    throw new ImportFileError(
      'SHEET_NOT_FOUND',
      fileName,
      `there is no sheet named "${sheet ?? ''}"; the sheets are ${names}`,
    );
  }
  // The relationship id is namespaced (r:id), and writers are free to choose the prefix.
  const sheetEntry = target(Object.entries(chosen).find(([name]) => name.endsWith(':id'))?.[1]);
  if (!sheetEntry) throw notXlsx(`sheet "${chosen['name'] ?? ''}" is missing`);

  const date1904 = elements(workbookXml, 'workbookPr').some(
    (p) => p['date1904'] === '1' || p['date1904'] === 'true',
  );
  const styles = byType('/styles');
  const sharedStrings = byType('/sharedStrings');
  // exceljs's streaming reader wants the relationships, the workbook, styles and shared strings
  // before any sheet, under their usual names, or it crashes or spools sheets to temp files.
  const parts: ZipPart[] = [
    { entry: rels, as: 'xl/_rels/workbook.xml.rels' },
    { entry: workbook, as: 'xl/workbook.xml' },
  ];
  if (styles) parts.push({ entry: styles, as: 'xl/styles.xml' });
  parts.push(
    sharedStrings
      ? { entry: sharedStrings, as: 'xl/sharedStrings.xml' }
      : { name: 'xl/sharedStrings.xml', content: Buffer.from('<sst/>') },
  );
  parts.push({ entry: sheetEntry, as: 'xl/worksheets/sheet1.xml' });
  const copied = parts.flatMap((part) => ('entry' in part ? [part.entry] : []));
  return { parts, copied, sheetName: chosen['name'] ?? '', date1904 };
}

export interface XlsxSource {
  sheetName: string;
  rows: AsyncGenerator<RawRow>;
}

/**
 * Opens an .xlsx for streaming: guards against zip bombs, resolves the sheet from the workbook
 * itself, then lets exceljs's WorkbookReader parse a rebuilt stream of just the parts it needs, in
 * the order it needs (which also avoids its crash when xl/workbook.xml comes after the sheets).
 */
export async function openXlsx(
  path: string,
  fileName: string,
  limits: ReadLimits,
  log: ProblemLog,
  sheet?: string,
): Promise<XlsxSource> {
  const entries = await readZipDirectory(path, fileName);
  inspectZip(entries, fileName, limits);
  const plan = await planWorkbook(path, fileName, entries, sheet);
  let used = 0;
  for (const entry of plan.copied)
    used += await meterEntry(path, entry, fileName, limits.maxUncompressedBytes - used);
  const stream = rebuiltZipStream(path, plan.parts, fileName);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });

  async function* rows(): AsyncGenerator<RawRow> {
    try {
      for await (const worksheet of reader) {
        for await (const row of worksheet) {
          const values: (string | undefined)[] = [];
          row.eachCell({ includeEmpty: false }, (cell, column) => {
            const { text, note } = cellText(cell.value, cell.numFmt, plan.date1904);
            values[column - 1] = text;
            if (note === null) return;
            const address = `${columnLetters(column - 1)}${row.number}`;
            const reason =
              note === 'formula'
                ? `Cell ${address} holds a formula; its saved result is used`
                : note === 'error'
                  ? `Cell ${address} holds an error value; it is read as empty`
                  : `Cell ${address} is a number with more than 15 digits; Excel keeps only 15, so check it (format the column as Text)`;
            log.add({ row: row.number, column: null, value: text, reason, severity: 'warning' });
          });
          yield { rowNumber: row.number, values };
        }
        // Only the chosen sheet is in the rebuilt stream; stop after it.
        break;
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError(
        'CORRUPT_XLSX',
        fileName,
        `the workbook cannot be read (${error instanceof Error ? error.message : String(error)})`,
        { cause: error },
      );
    } finally {
      stream.destroy();
    }
  }
  return { sheetName: plan.sheetName, rows: rows() };
}
