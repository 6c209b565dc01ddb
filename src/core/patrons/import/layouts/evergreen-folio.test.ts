import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../types.js';
import { evergreenCsv, folioJson, mapRow, resolveMapping } from './index.js';
import type { Layout } from './types.js';

const options = { defaultRegion: 'CA' as const, today: new Date(2026, 5, 15) };
function mapWith(layout: Layout, cells: Record<string, string>) {
  const row: SourceRow = { rowNumber: 3, cells };
  return mapRow(row, layout, resolveMapping(layout, Object.keys(cells)).mapping, options);
}

const EVERGREEN_ROW = {
  cardnumber: '29999000123',
  usrname: 'mchen',
  family_name: 'Chen',
  first_given_name: 'Mei',
  second_given_name: 'Ling',
  pref_first_given_name: 'May',
  dob: '1944-07-01',
  day_phone: '613-555-0100',
  evening_phone: '613-555-0101',
  other_phone: '613-555-0102 x7',
  email: 'mei@example.ca',
  home_library: 'BR1',
  profile: 'Patrons',
  expire_date: '2028-01-01',
  active: 't',
  barred: 'f',
  juvenile: 'f',
  add1_street1: '5 Elm',
  add1_city: 'Ottawa',
  add1_state: 'Ontario',
  add1_post_code: 'K1A 0B1',
  add1_country: 'CA',
  ident_type: '3',
  ident_value: 'X123',
};

describe('evergreen-csv', () => {
  it('maps a patron loader row, including the third phone', () => {
    const { patron, problems } = mapWith(evergreenCsv, EVERGREEN_ROW);
    expect(problems).toEqual([]);
    expect(patron).toMatchObject({
      cardNumber: '29999000123',
      firstName: 'Mei',
      lastName: 'Chen',
      preferredName: 'May',
      birthDate: '1944-07-01',
      branch: 'BR1',
      patronType: 'Patrons',
      status: 'active',
      city: 'Ottawa',
      region: 'ON',
      postalCode: 'K1A 0B1',
      phones: [
        { kind: 'home', e164: '+16135550100' },
        { kind: 'other', e164: '+16135550101' },
        { kind: 'other', e164: '+16135550102', extension: '7' },
      ],
    });
    expect(resolveMapping(evergreenCsv, Object.keys(EVERGREEN_ROW)).unknownColumns).toEqual([]);
  });

  it('reads t/f flags: barred wins, active=f is inactive', () => {
    expect(mapWith(evergreenCsv, { ...EVERGREEN_ROW, barred: 't' }).patron?.status).toBe('barred');
    expect(mapWith(evergreenCsv, { ...EVERGREEN_ROW, active: 'f' }).patron?.status).toBe(
      'inactive',
    );
  });
});

const FOLIO_ROW = {
  id: '4f0e711c-d583-41e0-9555-b62f1725023f',
  username: 'rkowalski',
  barcode: '1234567',
  active: 'true',
  patronGroup: '3684a786-6671-4268-8ed0-9db82ebca60b',
  expirationDate: '2027-03-31T23:59:59.000+00:00',
  'personal.lastName': 'Kowalski',
  'personal.firstName': 'Rosa',
  'personal.middleName': 'A',
  'personal.preferredFirstName': 'Roz',
  'personal.email': 'rosa@example.ca',
  'personal.phone': '204-555-0110',
  'personal.mobilePhone': '204-555-0111',
  'personal.dateOfBirth': '1950-02-03T00:00:00.000+00:00',
  'personal.preferredContactTypeId': '002',
  'personal.addresses.0.city': 'Brandon',
  'personal.addresses.0.region': 'MB',
  'personal.addresses.0.postalCode': 'R7A 1A1',
  'personal.addresses.0.primaryAddress': 'false',
  'personal.addresses.1.city': 'Winnipeg',
  'personal.addresses.1.region': 'Manitoba',
  'personal.addresses.1.postalCode': 'r3c4t3',
  'personal.addresses.1.primaryAddress': 'true',
  'personal.addresses.1.countryId': 'CA',
  'tags.tagList.0': 'homebound',
  'metadata.createdDate': '2020-01-01',
};

describe('folio-json', () => {
  it('maps a user record with ISO dates with time and the primary address', () => {
    const { patron, problems } = mapWith(folioJson, FOLIO_ROW);
    expect(problems).toEqual([]);
    expect(patron).toMatchObject({
      cardNumber: '1234567',
      externalId: FOLIO_ROW.id,
      firstName: 'Rosa',
      lastName: 'Kowalski',
      preferredName: 'Roz',
      birthDate: '1950-02-03',
      expiryDate: '2027-03-31',
      status: 'active',
      patronType: FOLIO_ROW.patronGroup,
      city: 'Winnipeg',
      region: 'MB',
      postalCode: 'R3C 4T3',
      tags: ['homebound'],
      phones: [
        { kind: 'home', e164: '+12045550110' },
        { kind: 'mobile', e164: '+12045550111' },
      ],
    });
    expect(resolveMapping(folioJson, Object.keys(FOLIO_ROW)).unknownColumns).toEqual([]);
  });

  it('reads active=false as inactive', () => {
    expect(mapWith(folioJson, { ...FOLIO_ROW, active: 'false' }).patron?.status).toBe('inactive');
  });
});
