import { describe, expect, it } from 'vitest';
import type { SourceRow } from '../types.js';
import { kohaApiJson, kohaCsv, mapRow, resolveMapping } from './index.js';
import type { Layout } from './types.js';

const options = { defaultRegion: 'CA' as const, today: new Date(2026, 5, 15) };
function mapWith(layout: Layout, cells: Record<string, string>) {
  const row: SourceRow = { rowNumber: 2, cells };
  return mapRow(row, layout, resolveMapping(layout, Object.keys(cells)).mapping, options);
}

const KOHA_ROW = {
  borrowernumber: '51',
  cardnumber: '23529000035676',
  surname: 'TREMBLAY',
  firstname: 'MARIE',
  othernames: 'Mimi',
  title: 'Mrs',
  dateofbirth: '1948-03-15',
  phone: '(416) 555-0123',
  mobile: '647-555-0188',
  phonepro: '905 555 0199 poste 22',
  B_phone: '',
  email: 'marie@example.ca',
  emailpro: '',
  B_email: 'marie.t@example.org',
  branchcode: 'CPL',
  categorycode: 'SENIOR',
  dateexpiry: '2027-01-31',
  lang: 'fr-CA',
  address: '1 Main St',
  city: 'Vaughan',
  state: 'ON',
  zipcode: 'l4j8k5',
  country: 'Canada',
  sex: 'F',
  debarred: '',
  gonenoaddress: '0',
  lost: '0',
  sort1: '',
  sort2: '',
};

describe('koha-csv', () => {
  it('maps the borrowers columns it keeps and nothing else', () => {
    const { patron, problems } = mapWith(kohaCsv, KOHA_ROW);
    expect(problems).toEqual([]);
    expect(patron).toEqual({
      cardNumber: '23529000035676',
      externalId: '51',
      firstName: 'Marie',
      lastName: 'Tremblay',
      preferredName: 'Mimi',
      birthDate: '1948-03-15',
      language: 'fr',
      branch: 'CPL',
      patronType: 'SENIOR',
      status: 'active',
      expiryDate: '2027-01-31',
      phones: [
        { kind: 'home', raw: '(416) 555-0123', e164: '+14165550123', extension: null, valid: true },
        { kind: 'mobile', raw: '647-555-0188', e164: '+16475550188', extension: null, valid: true },
        {
          kind: 'work',
          raw: '905 555 0199 poste 22',
          e164: '+19055550199',
          extension: '22',
          valid: true,
        },
      ],
      emails: ['marie@example.ca', 'marie.t@example.org'],
      city: 'Vaughan',
      region: 'ON',
      postalCode: 'L4J 8K5',
      tags: [],
    });
  });

  it('recognises the other borrowers columns as ignored, not unknown', () => {
    const resolution = resolveMapping(kohaCsv, Object.keys(KOHA_ROW));
    expect(resolution.unknownColumns).toEqual([]);
    expect(resolution.ignoredColumns).toEqual(
      expect.arrayContaining(['address', 'title', 'sex', 'sort1', 'gonenoaddress', 'lost']),
    );
  });

  it('reads debarred as barred while the restriction lasts', () => {
    expect(mapWith(kohaCsv, { ...KOHA_ROW, debarred: '9999-12-31' }).patron?.status).toBe('barred');
    expect(mapWith(kohaCsv, { ...KOHA_ROW, debarred: '2020-01-01' }).patron?.status).toBe('active');
  });

  it('reads "default" as no language', () => {
    expect(mapWith(kohaCsv, { ...KOHA_ROW, lang: 'default' })).toMatchObject({
      patron: { language: null },
      problems: [],
    });
  });
});

describe('koha-api-json', () => {
  it('maps a REST API patron object', () => {
    const { patron, problems } = mapWith(kohaApiJson, {
      patron_id: '42',
      cardnumber: '0001',
      surname: 'Rossi',
      firstname: 'Giulia',
      preferred_name: 'Giuli',
      date_of_birth: '1939-11-02',
      phone: '905-555-0142',
      mobile: '',
      secondary_phone: '905-555-0143',
      email: 'g@example.it',
      secondary_email: '',
      library_id: 'MPL',
      category_id: 'PT',
      expiry_date: '2025-01-01',
      lang: 'it-IT',
      city: 'Woodbridge',
      state: 'ON',
      postal_code: 'L4L 1A1',
      country: 'CA',
      restricted: 'false',
      'extended_attributes.0.type': 'HOMEBOUND',
    });
    expect(problems).toEqual([]);
    expect(patron).toMatchObject({
      externalId: '42',
      preferredName: 'Giuli',
      language: 'it',
      branch: 'MPL',
      status: 'expired',
      phones: [
        { e164: '+19055550142', kind: 'home' },
        { e164: '+19055550143', kind: 'other' },
      ],
    });
  });

  it('reads restricted=true as barred', () => {
    expect(
      mapWith(kohaApiJson, { cardnumber: '1', surname: 'R', firstname: 'G', restricted: 'true' })
        .patron?.status,
    ).toBe('barred');
  });
});
