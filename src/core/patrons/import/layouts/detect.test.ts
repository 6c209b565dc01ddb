import { describe, expect, it } from 'vitest';
import { detectLayout, LAYOUTS, resolveMapping } from './index.js';
import type { FileFormat } from '../types.js';

const HEADER_ROWS: [string, FileFormat, string[]][] = [
  [
    'koha-csv',
    'csv',
    [
      'cardnumber',
      'surname',
      'firstname',
      'othernames',
      'dateofbirth',
      'branchcode',
      'categorycode',
      'dateexpiry',
      'phone',
      'mobile',
      'email',
      'zipcode',
      'borrowernumber',
    ],
  ],
  [
    'koha-api-json',
    'json',
    [
      'patron_id',
      'cardnumber',
      'surname',
      'firstname',
      'date_of_birth',
      'library_id',
      'category_id',
      'expiry_date',
      'phone',
      'secondary_phone',
      'email',
      'postal_code',
      'restricted',
    ],
  ],
  [
    'evergreen-csv',
    'csv',
    [
      'cardnumber',
      'usrname',
      'family_name',
      'first_given_name',
      'second_given_name',
      'dob',
      'day_phone',
      'evening_phone',
      'email',
      'home_library',
      'profile',
      'expire_date',
      'active',
      'barred',
      'add1_street1',
      'add1_city',
      'add1_post_code',
    ],
  ],
  [
    'folio-json',
    'json',
    [
      'id',
      'username',
      'barcode',
      'active',
      'patronGroup',
      'expirationDate',
      'personal.lastName',
      'personal.firstName',
      'personal.email',
      'personal.phone',
      'personal.preferredContactTypeId',
      'personal.addresses.0.city',
    ],
  ],
  [
    'polaris-csv',
    'csv',
    [
      'PatronID',
      'Barcode',
      'NameFirst',
      'NameLast',
      'Birthdate',
      'PhoneVoice1',
      'PhoneVoice2',
      'Phone1CarrierID',
      'EmailAddress',
      'AltEmailAddress',
      'PatronCodeID',
      'ExpirationDate',
      'LanguageID',
    ],
  ],
  [
    'polaris-csv',
    'csv',
    [
      'TransactionCode',
      'PatronLastName',
      'PatronFirstName',
      'PatronCodeID',
      'PatronBranchID',
      'PatronBarcode',
      'ExpirationDate',
      'LanguageID',
      'BirthDate',
    ],
  ],
  [
    'polaris-phone-notice-csv',
    'csv',
    [
      'MediaType',
      'LanguageCode',
      'NoticeType',
      'NotificationLevel',
      'PatronBarcode',
      'PatronTitle',
      'PatronFirstName',
      'PatronLastName',
      'PhoneNumber',
      'EmailAddress',
      'LibraryCode',
      'SiteCode',
      'SiteName',
      'ItemBarcode',
      'DueDate/DateHeld',
      'BrowseTitle',
    ],
  ],
  [
    'sierra-csv',
    'csv',
    [
      'RECORD #(PATRON)',
      'P BARCODE',
      'PATRN NAME',
      'BIRTH DATE',
      'TELEPHONE',
      'EMAIL ADDR',
      'HOME LIBR',
      'P TYPE',
      'EXP DATE',
      'MBLOCK',
      'TOT CHKOUT',
    ],
  ],
  [
    'symphony-csv',
    'csv',
    [
      'USER_ID',
      'USER_NAME',
      'USER_BIRTH_DATE',
      'USER_LIBRARY',
      'USER_PROFILE',
      'USER_PRIV_EXPIRES',
      'USER_STATUS',
      'PHONE',
      'EMAIL',
    ],
  ],
  [
    'generic',
    'xlsx',
    [
      'Card number',
      'First name',
      'Last name',
      'Date of birth',
      'Phone',
      'Email',
      'Branch',
      'Language',
    ],
  ],
  [
    'generic',
    'csv',
    [
      'Numéro de carte',
      'Prénom',
      'Nom',
      'Date de naissance',
      'Téléphone',
      'Cellulaire',
      'Courriel',
      'Succursale',
      'Langue',
    ],
  ],
];

describe('detectLayout', () => {
  it.each(HEADER_ROWS)('recognises a %s header row', (id, format, headers) => {
    const detection = detectLayout(headers, format);
    expect(detection.layout.id).toBe(id);
    expect(detection.mapping.cardNumber).toBeDefined();
    expect(detection.candidates[0]?.id).toBe(id);
  });

  it('matches headers whatever their case, accents, spaces, underscores or punctuation', () => {
    const detection = detectLayout(
      [
        'CARDNUMBER',
        'Surname',
        'FirstName',
        'b phone',
        'Branch Code',
        'categorycode',
        'dateexpiry',
      ],
      'csv',
    );
    expect(detection.layout.id).toBe('koha-csv');
    expect(detection.mapping).toMatchObject({ otherPhone: 'b phone', branch: 'Branch Code' });
    expect(resolveMapping(detection.layout, ['Prenom'], {}).unknownColumns).toEqual(['Prenom']);
    expect(detectLayout(['Numero de carte', 'prenom', 'NOM'], 'csv').mapping).toEqual({
      cardNumber: 'Numero de carte',
      firstName: 'prenom',
      lastName: 'NOM',
    });
  });

  it('only considers layouts that read the file format', () => {
    const koha = HEADER_ROWS[0]![2];
    expect(detectLayout(koha, 'json').layout.id).not.toBe('koha-csv');
  });

  it('prefers the spreadsheet layout when a file only shares a few common names with a system', () => {
    expect(
      detectLayout(['Card number', 'First name', 'Last name', 'Phone', 'Email'], 'csv').layout.id,
    ).toBe('generic');
  });

  it('lists unknown and refused columns without failing', () => {
    const detection = detectLayout(
      [
        'P BARCODE',
        'PATRN NAME',
        'EXP DATE',
        'HOME LIBR',
        'P TYPE',
        'TOT CHKOUT',
        'LAST CKO',
        'FAVOURITE COLOUR',
      ],
      'csv',
    );
    expect(detection.layout.id).toBe('sierra-csv');
    expect(detection.unknownColumns).toEqual(['FAVOURITE COLOUR']);
    expect(detection.refusedColumns.map((c) => c.column)).toEqual(['TOT CHKOUT', 'LAST CKO']);
  });

  it('applies a coordinator mapping but never maps a refused column', () => {
    const detection = detectLayout(['Card', 'Who', 'Reading history'], 'csv', {
      lastName: 'Who',
      tags: 'Reading history',
    });
    expect(detection.mapping).toMatchObject({ cardNumber: 'Card', lastName: 'Who' });
    expect(detection.mapping.tags).toBeUndefined();
    expect(detection.rejectedOverrides).toEqual([
      { field: 'tags', column: 'Reading history', reason: expect.stringMatching(/PR-2/) },
    ]);
  });

  it('has a unique id for every layout', () => {
    expect(new Set(LAYOUTS.map((l) => l.id)).size).toBe(LAYOUTS.length);
  });
});
