import { normalisePostalCode, normaliseRegion } from '../normalise/region.js';
import type { ImportedPatron } from '../types.js';
import { findCell } from './extras.js';
import { barredByCode } from './status.js';
import type { Layout, RowContext } from './types.js';

/** Last address line "TORONTO ON M5V 1A1" / "Ottawa, ON K1A 0B1" / "Buffalo NY 14201-1234". */
const LAST_LINE =
  /^(.*?)[\s,]+([A-Za-z]{2})\.?[\s,]+([A-Za-z]\d[A-Za-z]\s?\d[A-Za-z]\d|\d{5}(?:-\d{4})?)$/;

/**
 * Sierra has no separate city/province columns: ADDRESS holds lines separated by "$". The street is
 * never kept, but the city, province and postal code of the last line are (the province gives the
 * time zone for calling hours).
 */
function placeFromAddress(patron: ImportedPatron, ctx: RowContext): void {
  const address = findCell(ctx, 'ADDRESS');
  if (address === undefined) return;
  const lines = address.value.split(';')[0]?.split('$') ?? [];
  const match = LAST_LINE.exec(lines[lines.length - 1]?.trim() ?? '');
  if (match?.[1] === undefined || match[2] === undefined || match[3] === undefined) return;
  patron.city ??= match[1].trim();
  patron.region ??= normaliseRegion(match[2]);
  patron.postalCode ??= normalisePostalCode(match[3]);
}

/**
 * Sierra Create Lists export of patron records (fields chosen by the library, header names as
 * Sierra prints them). Dates are mm-dd-yyyy; repeated fields are joined with ";".
 */
export const sierraCsv: Layout = {
  id: 'sierra-csv',
  label: 'Sierra — Create Lists patron export',
  description:
    'Sierra patron export (P BARCODE, PATRN NAME "Last, First", BIRTH DATE mm-dd-yyyy, TELEPHONE…).',
  formats: ['csv', 'tsv', 'xlsx', 'ods'],
  matchPoint: 'cardNumber',
  dateOrder: 'mdy',
  nameOrder: 'last-first',
  headerAliases: {
    cardNumber: ['P BARCODE', 'BARCODE'],
    externalId: ['RECORD #(PATRON)', 'RECORD #'],
    fullName: ['PATRN NAME', 'PATRON NAME'],
    birthDate: ['BIRTH DATE'],
    language: ['LANG', 'LANG PREF', 'LANGUAGE'],
    branch: ['HOME LIBR', 'HOME LIBRARY'],
    patronType: ['P TYPE'],
    barred: ['MBLOCK', 'MANUAL BLOCK'],
    expiryDate: ['EXP DATE', 'EXPIRATION DATE'],
    homePhone: ['TELEPHONE'],
    otherPhone: ['TELEPHONE2', 'TELEPHONE 2'],
    email: ['EMAIL ADDR', 'EMAIL'],
  },
  signature: [
    'P BARCODE',
    'PATRN NAME',
    'RECORD #(PATRON)',
    'EXP DATE',
    'HOME LIBR',
    'P TYPE',
    'EMAIL ADDR',
    'BIRTH DATE',
    'MBLOCK',
    'TELEPHONE2',
    'PCODE1',
    'PCODE3',
  ],
  ignoredColumns: [
    'ADDRESS',
    'ADDRESS2',
    'PCODE1',
    'PCODE2',
    'PCODE3',
    'PCODE4',
    'P CODE1',
    'P CODE2',
    'P CODE3',
    'P CODE4',
    'CREATED',
    'UPDATED',
    'NOTICE PREF',
    'PIN',
    'UNIQUE ID',
    'NOTE',
    'MESSAGE',
    'PMESSAGE',
    'CENSUS',
    'AGENCY',
    'IDENTITY',
    'PATRN NAME2',
    'COUNTY',
  ],
  hooks: {
    barred: (value) => barredByCode(value),
    refine: placeFromAddress,
  },
};
