import { normalisePostalCode, normaliseRegion } from '../normalise/region.js';
import { parseBoolean } from '../normalise/booleans.js';
import type { ImportedPatron } from '../types.js';
import type { Layout, RowContext } from './types.js';

const ADDRESS_CELL = /^personal\.addresses\.(\d+)\.(\w+)$/;
const TAG_CELL = /^tags\.tagList\.\d+$/;

/**
 * FOLIO stores several addresses; the primary one (`primaryAddress: true`) gives the region used
 * for calling hours, whatever its position. Tags come as `tags.tagList.N`.
 */
function refineFolio(patron: ImportedPatron, ctx: RowContext): void {
  const addresses = new Map<string, Record<string, string>>();
  for (const [header, value] of Object.entries(ctx.row.cells)) {
    const address = ADDRESS_CELL.exec(header);
    if (address?.[1] !== undefined && address[2] !== undefined) {
      const fields = addresses.get(address[1]) ?? {};
      fields[address[2]] = value.trim();
      addresses.set(address[1], fields);
    } else if (
      TAG_CELL.test(header) &&
      value.trim().length > 0 &&
      !patron.tags.includes(value.trim())
    ) {
      patron.tags.push(value.trim());
    }
  }
  const primary = [...addresses.values()].find(
    (fields) => parseBoolean(fields.primaryAddress ?? '').value === true,
  );
  if (primary === undefined) return;
  patron.city = primary.city || null;
  patron.region = normaliseRegion(primary.region ?? '');
  patron.postalCode = normalisePostalCode(primary.postalCode ?? '');
}

/** FOLIO users (mod-users `/users` records), flattened by the JSON reader to dotted keys. */
export const folioJson: Layout = {
  id: 'folio-json',
  label: 'FOLIO — users (JSON)',
  description:
    'FOLIO user records (barcode, personal.lastName, personal.firstName, patronGroup, expirationDate…).',
  formats: ['json', 'jsonl'],
  matchPoint: 'cardNumber',
  dateOrder: 'ymd',
  nameOrder: 'last-first',
  headerAliases: {
    cardNumber: ['barcode'],
    externalId: ['id'],
    firstName: ['personal.firstName'],
    lastName: ['personal.lastName'],
    preferredName: ['personal.preferredFirstName'],
    birthDate: ['personal.dateOfBirth'],
    patronType: ['patronGroup'],
    active: ['active'],
    expiryDate: ['expirationDate'],
    homePhone: ['personal.phone'],
    mobilePhone: ['personal.mobilePhone'],
    email: ['personal.email'],
    city: ['personal.addresses.0.city'],
    region: ['personal.addresses.0.region'],
    postalCode: ['personal.addresses.0.postalCode'],
  },
  signature: [
    'personal.lastName',
    'personal.firstName',
    'patronGroup',
    'expirationDate',
    'username',
    'personal.email',
    'personal.preferredContactTypeId',
    'barcode',
  ],
  ignoredColumns: [
    'username',
    'type',
    'enrollmentDate',
    'createdDate',
    'updatedDate',
    'externalSystemId',
  ],
  // Other personal.* fields (middle name, pronouns, contact type, addresses) are understood and not kept.
  ignoredPatterns: [
    /^personal/,
    /^metadata/,
    /^tagstaglist\d+$/,
    /^customfields/,
    /^departments/,
    /^proxyfor/,
  ],
  hooks: { refine: refineFolio },
};
