import { normaliseRegion } from '../normalise/region.js';
import type { ImportedPatron, PatronStatus } from '../types.js';
import { findCell } from './extras.js';
import type { Layout, RowContext } from './types.js';

/** USER_STATUS: DELINQUENT only means money or overdues are owed; the card still works. */
function symphonyStatus(value: string): PatronStatus | undefined {
  switch (value.trim().toUpperCase()) {
    case 'OK':
    case 'DELINQUENT':
      return 'active';
    case 'BARRED':
    case 'BLOCKED':
      return 'barred';
    default:
      return undefined;
  }
}

/** Symphony addresses carry "CITY/STATE" as one entry: "Ottawa, ON". */
function cityState(patron: ImportedPatron, ctx: RowContext): void {
  const cell = findCell(ctx, 'CITY/STATE');
  if (cell === undefined) return;
  const comma = cell.value.lastIndexOf(',');
  const city = comma < 0 ? cell.value : cell.value.slice(0, comma);
  patron.city ??= city.trim() || null;
  if (comma >= 0) patron.region ??= normaliseRegion(cell.value.slice(comma + 1));
}

/**
 * SirsiDynix Symphony user data with the flat-format field names (USER_ID, USER_NAME…) as CSV
 * headers, and the address entries (PHONE, EMAIL, CITY/STATE, ZIP) as columns. Dates are
 * YYYYMMDD; USER_PRIV_EXPIRES may be NEVER.
 */
export const symphonyCsv: Layout = {
  id: 'symphony-csv',
  label: 'SirsiDynix Symphony — user export',
  description:
    'Symphony user fields (USER_ID, USER_NAME "Last, First", USER_BIRTH_DATE YYYYMMDD, USER_PROFILE…).',
  formats: ['csv', 'tsv', 'xlsx', 'ods'],
  matchPoint: 'cardNumber',
  dateOrder: 'ymd',
  nameOrder: 'last-first',
  headerAliases: {
    cardNumber: ['USER_ID'],
    externalId: ['USER_KEY'],
    firstName: ['USER_FIRST_NAME'],
    lastName: ['USER_LAST_NAME'],
    fullName: ['USER_NAME'],
    preferredName: ['USER_PREFERRED_NAME'],
    birthDate: ['USER_BIRTH_DATE'],
    language: ['USER_LANGUAGE'],
    branch: ['USER_LIBRARY'],
    patronType: ['USER_PROFILE'],
    status: ['USER_STATUS'],
    expiryDate: ['USER_PRIV_EXPIRES'],
    homePhone: ['PHONE', 'HOMEPHONE'],
    workPhone: ['WORKPHONE', 'DAYPHONE'],
    mobilePhone: ['CELLPHONE'],
    email: ['EMAIL'],
    postalCode: ['ZIP'],
  },
  signature: [
    'USER_ID',
    'USER_NAME',
    'USER_LIBRARY',
    'USER_PROFILE',
    'USER_PRIV_EXPIRES',
    'USER_BIRTH_DATE',
    'USER_STATUS',
    'USER_CATEGORY1',
    'USER_ALT_ID',
  ],
  ignoredColumns: [
    'USER_ALT_ID',
    'USER_PIN',
    'USER_PRIV_GRANTED',
    'USER_MIDDLE_NAME',
    'USER_TITLE',
    'USER_SUFFIX',
    'USER_NAME_DSP_PREF',
    'USER_CATEGORY1',
    'USER_CATEGORY2',
    'USER_CATEGORY3',
    'USER_CATEGORY4',
    'USER_CATEGORY5',
    'USER_ENVIRONMENT',
    'USER_ACCESS',
    'USER_MAILINGADDR',
    'USER_WEB_AUTH',
    'USER_ROUTING_FLAG',
    'USER_LAST_ACTIVITY',
    'USER_GROUP_ID',
    'STREET',
    'CITY/STATE',
    'LINE',
    'FAX',
    'USER_XINFO_BEGIN',
    'NOTE',
    'COMMENT',
    'WEBCATPREF',
  ],
  hooks: { status: symphonyStatus, refine: cityState },
};
