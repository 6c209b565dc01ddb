import type { ImportedPatron } from '../types.js';
import { findCell } from './extras.js';
import { polarisLanguage } from './polaris-csv.js';
import type { Layout, RowContext } from './types.js';

/**
 * Columns of Polaris's phone-notice export (basic profile), in file order. The file Polaris hands
 * to telephony vendors has no header row: a reader that meets one uses these names. The item
 * columns (ItemBarcode, DueDate/DateHeld, BrowseTitle) and the notice type are refused (PR-2).
 */
export const POLARIS_PHONE_NOTICE_COLUMNS = [
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
] as const;

const TEXT_DELIVERY = /\b(?:t|txt|text|sms)\b/i;

/** MediaType T (or a text-message delivery option) means the number is a mobile. */
function markTextNumbers(patron: ImportedPatron, ctx: RowContext): void {
  const media = findCell(ctx, 'MediaType') ?? findCell(ctx, 'Delivery Option');
  if (media === undefined || !TEXT_DELIVERY.test(media.value)) return;
  for (const phone of patron.phones) phone.kind = 'mobile';
}

/**
 * Polaris phone-notification export: one row per notice (a patron with three held items appears
 * three times; the import de-duplicates by card number). Useful when it is the only list a library
 * can get with phone numbers and languages.
 */
export const polarisPhoneNoticeCsv: Layout = {
  id: 'polaris-phone-notice-csv',
  // Polaris writes the notice file without a header row.
  headerlessColumns: POLARIS_PHONE_NOTICE_COLUMNS,
  label: 'Polaris — phone notice export',
  description:
    'Polaris telephony notice export (MediaType, LanguageCode, PatronBarcode, PhoneNumber…).',
  formats: ['csv', 'tsv', 'xlsx', 'ods'],
  matchPoint: 'cardNumber',
  dateOrder: 'mdy',
  nameOrder: 'auto',
  headerAliases: {
    cardNumber: ['PatronBarcode', 'Barcode'],
    externalId: ['PatronID'],
    firstName: ['PatronFirstName', 'First Name', 'NameFirst'],
    lastName: ['PatronLastName', 'Last Name', 'NameLast'],
    fullName: ['Patron Name', 'Name'],
    language: ['LanguageCode', 'Language', 'LanguageID'],
    homePhone: ['PhoneNumber', 'Phone'],
    email: ['EmailAddress', 'Email'],
  },
  signature: [
    'MediaType',
    'LanguageCode',
    'NotificationLevel',
    'PatronBarcode',
    'PhoneNumber',
    'SiteCode',
    'Delivery Option',
    'Patron Name',
  ],
  ignoredColumns: [
    'MediaType',
    'PatronTitle',
    'LibraryCode',
    'SiteCode',
    'SiteName',
    'Delivery Option',
    'DeliveryOptionID',
    'ReportingOrgID',
  ],
  hooks: { language: polarisLanguage, refine: markTextNumbers },
};
