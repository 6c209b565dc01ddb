import type { CellValue } from 'exceljs';

/** Cell text plus what the reader should tell the coordinator about the cell. */
export interface CellText {
  text: string;
  note: 'formula' | 'error' | 'long-number' | null;
}

/**
 * Number → text without exponent. Integers come back digit for digit (a 14-digit barcode stays
 * 29003000012345); fractions keep Excel's 15 significant digits so 0.1 + 0.2 reads as 0.3.
 */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value)) {
    return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  }
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  if (!text.includes('e')) return text;
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** exceljs builds dates in UTC from the serial number, so the UTC fields are the sheet's fields. */
export function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  if (seconds === 0) return day;
  return `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

/** Excel's serial day 0 is 1899-12-30 (1900 system) or 1904-01-01 (1904 system). */
export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + Math.round(serial * 86_400_000));
}

/** A number format shows a date when it has day/month/year codes outside quotes and brackets. */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === '' || format === 'General') return false;
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Excel keeps 15 significant digits, so a longer number typed into a number cell is already wrong. */
const EXACT_DIGITS = 15;

function scalarText(
  value: number | string | boolean | Date,
  numFmt: string | undefined,
  date1904: boolean,
): CellText {
  if (typeof value === 'string') return { text: value, note: null };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false', note: null };
  if (value instanceof Date) return { text: dateText(value), note: null };
  if (isDateFormat(numFmt)) return { text: dateText(serialToDate(value, date1904)), note: null };
  const text = numberText(value);
  const digits = text.replace(/[^0-9]/g, '').length;
  return { text, note: Number.isInteger(value) && digits > EXACT_DIGITS ? 'long-number' : null };
}

/**
 * Turns an exceljs cell value into the text a reader passes on. Formula cells give their cached
 * result and are never evaluated; error values (#N/A) give empty text.
 */
export function cellText(
  value: CellValue,
  numFmt: string | undefined,
  date1904: boolean,
): CellText {
  if (value === null || value === undefined) return { text: '', note: null };
  if (typeof value !== 'object' || value instanceof Date)
    return scalarText(value, numFmt, date1904);
  if ('richText' in value)
    return { text: value.richText.map((run) => run.text).join(''), note: null };
  if ('error' in value) return { text: '', note: 'error' };
  if ('formula' in value || 'sharedFormula' in value) {
    const { result } = value;
    if (result === undefined) return { text: '', note: 'formula' };
    if (typeof result === 'object' && !(result instanceof Date)) return { text: '', note: 'error' };
    // A formula's date result is a bare serial number: exceljs only converts plain values.
    return { text: scalarText(result, numFmt, date1904).text, note: 'formula' };
  }
  if ('hyperlink' in value) return { text: value.text, note: null };
  return { text: '', note: null };
}
