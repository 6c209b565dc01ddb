import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../types.js';
import {
  mapRow,
  POLARIS_PHONE_NOTICE_COLUMNS,
  polarisCsv,
  polarisPhoneNoticeCsv,
  resolveMapping,
} from './index.js';
import type { Layout } from './types.js';

const options = { defaultRegion: 'CA' as const, today: new Date(2026, 5, 15) };
function mapWith(layout: Layout, cells: Record<string, string>) {
  const row: SourceRow = { rowNumber: 2, cells };
  return mapRow(row, layout, resolveMapping(layout, Object.keys(cells)).mapping, options);
}

describe('polaris-csv', () => {
  const ROW = {
    PatronID: '77',
    Barcode: '21000001234567',
    NameFirst: 'ANA',
    NameLast: 'SILVA',
    NameMiddle: 'M',
    Birthdate: '04/23/1941',
    PhoneVoice1: '519-555-0120',
    PhoneVoice2: '519-555-0121',
    PhoneVoice3: '519.555.0122',
    Phone1CarrierID: '0',
    Phone2CarrierID: '12',
    EmailAddress: 'ana@example.ca',
    AltEmailAddress: 'bad@',
    PatronCodeID: '3',
    RegistrationBranch: 'MAIN',
    ExpirationDate: '12/31/2026 12:00:00 AM',
    City: 'London',
    State: 'ON',
    PostalCode: 'N6A 3K7',
    LanguageID: '1',
  };

  it('maps a patron export with US-style dates, marking phones with a text carrier as mobiles', () => {
    const { patron, problems } = mapWith(polarisCsv, ROW);
    expect(patron).toMatchObject({
      cardNumber: '21000001234567',
      externalId: '77',
      firstName: 'Ana',
      lastName: 'Silva',
      birthDate: '1941-04-23',
      expiryDate: '2026-12-31',
      language: 'en',
      patronType: '3',
      branch: 'MAIN',
      emails: ['ana@example.ca'],
      phones: [
        { kind: 'home', e164: '+15195550120' },
        { kind: 'mobile', e164: '+15195550121' },
        { kind: 'other', e164: '+15195550122' },
      ],
    });
    expect(problems).toEqual([
      expect.objectContaining({ column: 'AltEmailAddress', value: 'bad@' }),
    ]);
  });

  it('reports a library-specific LanguageID instead of guessing', () => {
    const { patron, problems } = mapWith(polarisCsv, {
      ...ROW,
      LanguageID: '7',
      AltEmailAddress: '',
    });
    expect(patron?.language).toBeNull();
    expect(problems).toEqual([expect.objectContaining({ column: 'LanguageID', value: '7' })]);
  });

  it('reads the patron import template with ISO dates', () => {
    const { patron } = mapWith(polarisCsv, {
      TransactionCode: '5',
      PatronLastName: 'Lee',
      PatronFirstName: 'Jin',
      PatronCodeID: '1',
      PatronBranchID: '3',
      PatronBarcode: '2100',
      ExpirationDate: '2027-06-30 00:00:00',
      LanguageID: '1',
      BirthDate: '1952-08-09',
    });
    expect(patron).toMatchObject({
      cardNumber: '2100',
      branch: '3',
      expiryDate: '2027-06-30',
      birthDate: '1952-08-09',
    });
  });
});

describe('polaris-phone-notice-csv', () => {
  const cells = Object.fromEntries(
    POLARIS_PHONE_NOTICE_COLUMNS.map((column, i) => [
      column,
      [
        'V',
        'spa',
        '2',
        '1',
        '21000009',
        '',
        'Lucia',
        'Garcia',
        '4165550150',
        'lucia@example.ca',
        'TPL',
        'MAIN',
        'Main',
        '3900001',
        '06/20/2026',
        'Some Title',
      ][i] ?? '',
    ]),
  );

  it('keeps the patron and refuses the item, due date, title and notice type', () => {
    const resolution = resolveMapping(polarisPhoneNoticeCsv, Object.keys(cells));
    expect(resolution.refusedColumns.map((c) => c.column)).toEqual([
      'NoticeType',
      'NotificationLevel',
      'ItemBarcode',
      'DueDate/DateHeld',
      'BrowseTitle',
    ]);
    const { patron, problems } = mapWith(polarisPhoneNoticeCsv, cells);
    expect(problems).toEqual([]);
    expect(patron).toMatchObject({
      cardNumber: '21000009',
      firstName: 'Lucia',
      language: 'es',
      phones: [{ kind: 'home', e164: '+14165550150' }],
    });
    expect(JSON.stringify(patron)).not.toContain('Some Title');
  });

  it('marks text-message numbers as mobiles', () => {
    expect(
      mapWith(polarisPhoneNoticeCsv, { ...cells, MediaType: 'T' }).patron?.phones[0]?.kind,
    ).toBe('mobile');
  });

  it('reads the labelled variant with a full name and a language name', () => {
    const { patron } = mapWith(polarisPhoneNoticeCsv, {
      'Patron Barcode': '2100',
      'Patron Name': 'Garcia, Lucia',
      'Phone Number': '416 555 0150',
      Language: 'Spanish',
      'Delivery Option': 'Phone 1',
      'Notification Type': 'Hold',
    });
    expect(patron).toMatchObject({ firstName: 'Lucia', lastName: 'Garcia', language: 'es' });
  });
});
