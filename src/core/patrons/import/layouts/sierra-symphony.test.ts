import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../types.js';
import { mapRow, resolveMapping, sierraCsv, symphonyCsv } from './index.js';
import type { Layout } from './types.js';

const options = { defaultRegion: 'CA' as const, today: new Date(2026, 5, 15) };
function mapWith(layout: Layout, cells: Record<string, string>) {
  const row: SourceRow = { rowNumber: 4, cells };
  return mapRow(row, layout, resolveMapping(layout, Object.keys(cells)).mapping, options);
}

const SIERRA_ROW = {
  'RECORD #(PATRON)': 'p1234567a',
  'P BARCODE': '21234001234567',
  'PATRN NAME': "O'BRIEN-SMITH, MARY ANNE",
  'BIRTH DATE': '03-15-1938',
  TELEPHONE: '905-555-0133',
  TELEPHONE2: '905-555-0134;416-555-0135',
  'EMAIL ADDR': 'mary@example.ca',
  'HOME LIBR': 'vaug',
  'P TYPE': '5',
  'EXP DATE': '08-31-2026',
  ADDRESS: '12 OAK ST$VAUGHAN ON L4J 8K5',
  PCODE3: '12',
  MBLOCK: '-',
  LANG: 'ita',
  'TOT CHKOUT': '312',
};

describe('sierra-csv', () => {
  it('maps a Create Lists export, splitting "Last, First Middle" and reading mm-dd-yyyy', () => {
    const { patron, problems } = mapWith(sierraCsv, SIERRA_ROW);
    expect(problems).toEqual([]);
    expect(patron).toMatchObject({
      cardNumber: '21234001234567',
      externalId: 'p1234567a',
      firstName: 'Mary',
      lastName: "O'Brien-Smith",
      birthDate: '1938-03-15',
      expiryDate: '2026-08-31',
      branch: 'vaug',
      patronType: '5',
      language: 'it',
      status: 'active',
      city: 'VAUGHAN',
      region: 'ON',
      postalCode: 'L4J 8K5',
    });
    expect(patron?.phones.map((p) => p.e164)).toEqual([
      '+19055550133',
      '+19055550134',
      '+14165550135',
    ]);
  });

  it('refuses the checkout count and never keeps the street', () => {
    const resolution = resolveMapping(sierraCsv, Object.keys(SIERRA_ROW));
    expect(resolution.refusedColumns.map((c) => c.column)).toEqual(['TOT CHKOUT']);
    expect(JSON.stringify(mapWith(sierraCsv, SIERRA_ROW).patron)).not.toContain('OAK');
  });

  it('reads a manual block code as barred', () => {
    expect(mapWith(sierraCsv, { ...SIERRA_ROW, MBLOCK: 'c' }).patron?.status).toBe('barred');
  });

  it('rejects a two-digit birth year with a reason', () => {
    const { patron, problems } = mapWith(sierraCsv, { ...SIERRA_ROW, 'BIRTH DATE': '03-15-38' });
    expect(patron?.birthDate).toBeNull();
    expect(problems).toEqual([
      expect.objectContaining({ column: 'BIRTH DATE', reason: expect.stringMatching(/two-digit/) }),
    ]);
  });
});

describe('symphony-csv', () => {
  const ROW = {
    USER_ID: '21982001234567',
    USER_NAME: 'Nguyen, Thi',
    USER_BIRTH_DATE: '19420704',
    USER_LIBRARY: 'CENTRAL',
    USER_PROFILE: 'ADULT',
    USER_PRIV_EXPIRES: 'NEVER',
    USER_STATUS: 'DELINQUENT',
    PHONE: '780-555-0166',
    EMAIL: 'thi@example.ca',
    'CITY/STATE': 'Edmonton, AB',
    ZIP: 't5j0n3',
    USER_CATEGORY1: 'X',
  };

  it('maps flat-format field names with YYYYMMDD dates and NEVER expiring', () => {
    const { patron, problems } = mapWith(symphonyCsv, ROW);
    expect(problems).toEqual([]);
    expect(patron).toMatchObject({
      cardNumber: '21982001234567',
      firstName: 'Thi',
      lastName: 'Nguyen',
      birthDate: '1942-07-04',
      expiryDate: null,
      status: 'active',
      branch: 'CENTRAL',
      city: 'Edmonton',
      region: 'AB',
      postalCode: 'T5J 0N3',
    });
  });

  it('reads USER_STATUS BARRED as barred', () => {
    expect(mapWith(symphonyCsv, { ...ROW, USER_STATUS: 'BARRED' }).patron?.status).toBe('barred');
  });
});
