import type { FileFormat } from '../types.js';
import { ImportFileError } from './errors.js';

/** How many bytes of the file detectFormat wants to see. */
export const DETECT_HEAD_BYTES = 64 * 1024;

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function startsWith(head: Buffer, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

/** Formats that other tools often save by mistake, each with advice the coordinator can act on. */
function refuseKnownBinary(fileName: string, head: Buffer): void {
  const refuse = (what: string): never => {
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      fileName,
      `${what}; save it as .xlsx or CSV (UTF-8) and upload that`,
    );
  };
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0]))
    refuse('this is an old Excel 97–2003 (.xls) or Office file');
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46])) refuse('this is a PDF, not a spreadsheet');
  if (startsWith(head, [0x1f, 0x8b])) refuse('this is a compressed (.gz) file, not a spreadsheet');
  const text = head.subarray(0, 512).toString('latin1').trimStart().toLowerCase();
  if (text.startsWith('<!doctype html') || text.startsWith('<html') || text.startsWith('<table')) {
    refuse('this is a web page (HTML), not a spreadsheet');
  }
  if (text.startsWith('<?xml')) refuse('this is an XML file, not a spreadsheet');
}

function detectZip(fileName: string, head: Buffer): FileFormat {
  const ext = extension(fileName);
  const text = head.toString('latin1');
  if (text.includes('mimetype') && text.includes(ODS_MIMETYPE)) return 'ods';
  if (text.includes('mimetype') && text.includes('application/vnd.oasis.opendocument')) {
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      fileName,
      'this is an OpenDocument file but not a spreadsheet',
    );
  }
  if (text.includes('xl/')) return 'xlsx';
  if (text.includes('word/') || text.includes('ppt/')) {
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      fileName,
      'this is a Word or PowerPoint file, not a spreadsheet',
    );
  }
  // The parts that identify an xlsx may sit beyond the head; the reader checks the directory.
  if (ext === 'ods') return 'ods';
  if (ext === 'xlsx' || ext === 'xlsm' || text.includes('[Content_Types].xml')) return 'xlsx';
  throw new ImportFileError(
    'NOT_A_SPREADSHEET',
    fileName,
    'this is a zip archive, not a spreadsheet',
  );
}

/** A text head that is mostly control characters or has NULs is not a text export. */
function assertText(fileName: string, head: Buffer): void {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) {
      throw new ImportFileError(
        'BINARY_DATA',
        fileName,
        'the file holds binary data (NUL bytes), not text or a spreadsheet',
      );
    }
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  }
  if (control > Math.max(2, head.length / 100)) {
    throw new ImportFileError(
      'BINARY_DATA',
      fileName,
      'the file holds binary data, not text or a spreadsheet',
    );
  }
}

function firstLines(text: string, count: number): string[] {
  return text
    .split(/\r\n|\n|\r/, count + 1)
    .slice(0, count)
    .filter((line) => line.trim() !== '');
}

function looksLikeJsonLines(lines: readonly string[]): boolean {
  const [first, second] = lines;
  if (first === undefined || second === undefined) return false;
  if (!second.trimStart().startsWith('{')) return false;
  try {
    return typeof JSON.parse(first) === 'object';
  } catch {
    return false;
  }
}

function delimiterScore(lines: readonly string[], delimiter: string): number {
  // The delimiter that appears the same (non-zero) number of times on each line wins; a plain count
  // decides otherwise, which is enough for exports whose first lines are headers and plain data.
  const counts = lines.map((line) => line.split(delimiter).length - 1);
  const min = Math.min(...counts);
  return min > 0 ? min * 2 + (counts.every((c) => c === counts[0]) ? 1 : 0) : 0;
}

/** Picks the field delimiter of a delimited text file from its first lines (, ; tab or |). */
export function detectDelimiter(headText: string, fileName = ''): string {
  const lines = firstLines(headText, 5);
  if (lines.length === 0) return extension(fileName) === 'tsv' ? '\t' : ',';
  const candidates = [',', '\t', ';', '|'];
  let best = extension(fileName) === 'tsv' ? '\t' : ',';
  let bestScore = delimiterScore(lines, best);
  for (const delimiter of candidates) {
    const score = delimiterScore(lines, delimiter);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function stripBom(head: Buffer): Buffer {
  return startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
}

/**
 * Decides the format from the file's first bytes, using its name only to break ties: exports are
 * often misnamed (a tab-separated "patrons.xls", a CSV called ".txt"), so content wins.
 */
export function detectFormat(fileName: string, head: Buffer): FileFormat {
  if (head.length === 0) throw new ImportFileError('EMPTY_FILE', fileName, 'the file is empty');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return detectZip(fileName, head);
  if (startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    throw new ImportFileError(
      'NOT_A_SPREADSHEET',
      fileName,
      'this is an empty zip archive, not a spreadsheet',
    );
  }
  refuseKnownBinary(fileName, head);
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  const text = utf16
    ? new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(head.subarray(2))
    : (assertText(fileName, head), stripBom(head).toString('latin1'));
  const trimmed = text.trimStart();
  if (trimmed === '')
    throw new ImportFileError('EMPTY_FILE', fileName, 'the file holds only blank space');
  const ext = extension(fileName);
  if (trimmed.startsWith('[')) return 'json';
  if (trimmed.startsWith('{')) {
    if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
    return looksLikeJsonLines(firstLines(trimmed, 2)) ? 'jsonl' : 'json';
  }
  return detectDelimiter(text, fileName) === '\t' ? 'tsv' : 'csv';
}
