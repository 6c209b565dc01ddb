import { toLanguageCode } from '../normalise/language.js';
import type { LanguageResult } from '../normalise/language.js';
import type { ImportedPatron } from '../types.js';
import { addPhones, findCell } from './extras.js';
import type { Layout, RowContext } from './types.js';

/**
 * Polaris writes the patron's language as a LanguageID. Only 1 = English is documented for every
 * installation; other IDs depend on the library's setup, so they are reported rather than guessed
 * (the coordinator can map the column to a text language instead).
 */
export function polarisLanguage(value: string): LanguageResult {
  if (!/^\d+$/.test(value)) return toLanguageCode(value);
  if (value === '1' || value === '1033') return { code: 'en' };
  return {
    code: null,
    problem: `Polaris LanguageID ${value} is specific to this library; language left blank`,
  };
}

/**
 * A phone with a text-message carrier (PhoneNCarrierID) can receive SMS: it is a mobile,
 * whatever position it has in the record.
 */
function markMobiles(patron: ImportedPatron, ctx: RowContext): void {
  for (const n of [1, 2, 3]) {
    const carrier = findCell(ctx, `Phone${n}CarrierID`);
    const phone = findCell(ctx, `PhoneVoice${n}`);
    if (carrier === undefined || carrier.value === '0' || phone === undefined) continue;
    for (const known of patron.phones) if (known.raw === phone.value) known.kind = 'mobile';
  }
}

/**
 * Polaris patron data: database/report column names (Barcode, NameFirst, PhoneVoice1…) and the
 * patron import template's names (PatronBarcode, PatronFirstName, PatronBranchID…). Dates are
 * US-style in reports; the import template's YYYY-MM-DD is read under any order.
 */
export const polarisCsv: Layout = {
  id: 'polaris-csv',
  label: 'Polaris — patron CSV',
  description:
    'Polaris patron export or import CSV (Barcode, NameFirst, NameLast, PhoneVoice1, EmailAddress…).',
  formats: ['csv', 'tsv', 'xlsx', 'ods'],
  matchPoint: 'cardNumber',
  dateOrder: 'mdy',
  nameOrder: 'last-first',
  headerAliases: {
    cardNumber: ['Barcode', 'PatronBarcode'],
    externalId: ['PatronID'],
    firstName: ['NameFirst', 'PatronFirstName'],
    lastName: ['NameLast', 'PatronLastName'],
    birthDate: ['Birthdate'],
    language: ['LanguageID', 'Language'],
    branch: [
      'RegistrationBranch',
      'PatronBranch',
      'PatronBranchID',
      'RegisteredBranchID',
      'OrganizationID',
    ],
    patronType: ['PatronCode', 'PatronCodeID'],
    expiryDate: ['ExpirationDate'],
    homePhone: ['PhoneVoice1'],
    otherPhone: ['PhoneVoice2'],
    email: ['EmailAddress'],
    secondaryEmail: ['AltEmailAddress'],
    city: ['City'],
    region: ['State'],
    postalCode: ['PostalCode', 'ZipCode'],
  },
  signature: [
    'NameFirst',
    'NameLast',
    'PhoneVoice1',
    'PhoneVoice2',
    'PatronCodeID',
    'Phone1CarrierID',
    'AltEmailAddress',
    'PatronFirstName',
    'PatronLastName',
    'PatronBranchID',
    'TransactionCode',
    'LanguageID',
  ],
  ignoredColumns: [
    'NameMiddle',
    'NameTitle',
    'NameSuffix',
    'PatronMiddleName',
    'PatronNameTitle',
    'PatronNameSuffix',
    'LegalNameFirst',
    'LegalNameLast',
    'LegalNameMiddle',
    'UseLegalNameOnNotices',
    'PhoneVoice3',
    'PhoneFAX',
    'Phone1CarrierID',
    'Phone2CarrierID',
    'Phone3CarrierID',
    'TxtPhoneNumber',
    'DeliveryOptionID',
    'EmailFormatID',
    'StreetOne',
    'StreetTwo',
    'StreetThree',
    'County',
    'Country',
    'CountryID',
    'AddressTypeID',
    'TransactionCode',
    'PatronStatCodeID',
    'PatronPassword',
    'Password',
    'RegistrationDate',
    'CreationDate',
    'LastActivityDate',
    'UpdateDate',
    'GenderID',
    'Gender',
    'FormerID',
    'User1',
    'User2',
    'User3',
    'User4',
    'User5',
    'MaintainReadingList',
    'ExcludeFromPatronRecExpiration',
    'ExcludeFromInactivePatron',
    'RecordStatusID',
    'RecordStatusDate',
    'SystemBlocks',
    'EnableSMS',
    'Username',
    'PatronFullName',
    'Notes',
    'NonBlockingStatusNotes',
  ],
  hooks: {
    language: polarisLanguage,
    refine: (patron, ctx) => {
      addPhones(patron, ctx, [['PhoneVoice3', 'other']]);
      markMobiles(patron, ctx);
    },
  },
};
