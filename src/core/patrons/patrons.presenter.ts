import type { Db, PatronRow } from '../../db/database.js';
import type { Patron } from '../../shared/schemas/patrons.js';
import { ageBand } from './import/normalise/age.js';
import type { PhoneKind } from './import/types.js';

type Contacts = Map<number, { phones: Patron['phones']; emails: string[] }>;

/** Loads the phones and e-mails of many patrons in two queries. */
export async function loadContacts(db: Db, patronIds: number[]): Promise<Contacts> {
  const contacts: Contacts = new Map(patronIds.map((id) => [id, { phones: [], emails: [] }]));
  for (let i = 0; i < patronIds.length; i += 1000) {
    const ids = patronIds.slice(i, i + 1000);
    const [phones, emails] = await Promise.all([
      db.selectFrom('patron_phones').selectAll().where('patron_id', 'in', ids).orderBy('patron_id').orderBy('position').execute(),
      db.selectFrom('patron_emails').selectAll().where('patron_id', 'in', ids).orderBy('patron_id').orderBy('position').execute(),
    ]);
    for (const p of phones) {
      contacts.get(p.patron_id)?.phones.push({ kind: p.kind as PhoneKind, raw: p.raw, e164: p.e164, extension: p.extension, valid: p.valid === 1 });
    }
    for (const e of emails) contacts.get(e.patron_id)?.emails.push(e.email);
  }
  return contacts;
}

/** The one place a patron row becomes the API's Patron. */
export function presentPatron(row: PatronRow, contacts: Contacts, today: Date): Patron {
  const own = contacts.get(row.id) ?? { phones: [], emails: [] };
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
    emails: own.emails,
    phones: own.phones,
    doNotCall: row.do_not_call_at !== null,
    doNotEmail: row.do_not_email_at !== null,
    deceased: row.deceased_at !== null,
    updatedAt: row.updated_at,
  };
}
