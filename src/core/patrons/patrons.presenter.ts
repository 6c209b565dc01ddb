import type { PatronRow } from '../../db/database.js';
import type { Patron } from '../../shared/schemas/patrons.js';
import { ageBand } from './import/normalise/age.js';

/** The one place a patron row becomes the API's Patron. */
export function presentPatron(row: PatronRow, today: Date): Patron {
  return {
    id: row.id,
    cardNumber: row.card_number,
    firstName: row.first_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    birthDate: row.birth_date,
    ageBand: row.birth_date === null ? null : ageBand(row.birth_date, today),
    language: row.language,
    branch: row.branch,
    patronType: row.patron_type,
    status: row.status,
    expiryDate: row.expiry_date,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    tags: JSON.parse(row.tags) as string[],
    householdId: row.household_id,
    emails: JSON.parse(row.emails) as string[],
    phones: JSON.parse(row.phones) as Patron['phones'],
    doNotCall: row.do_not_call_at !== null,
    doNotEmail: row.do_not_email_at !== null,
    emailConsent: row.email_consent,
    deceased: row.deceased_at !== null,
    updatedAt: row.updated_at,
  };
}
