import type { Actor } from '../../src/core/context.js';
import { actorOf } from '../../src/core/auth/auth.service.js';
import { hashPassword } from '../../src/core/users/passwords.js';
import type { Db } from '../../src/db/database.js';
import type { Role } from '../../src/shared/roles.js';

export const STAFF_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
let sequence = 0;

/** Inserts a staff account directly (no audit), with STAFF_PASSWORD. */
export async function createStaff(
  db: Db,
  role: Role,
  overrides: { name?: string; email?: string; language?: string; disabled?: boolean } = {},
): Promise<Actor & { password: string }> {
  passwordHash ??= hashPassword(STAFF_PASSWORD);
  sequence += 1;
  const now = new Date().toISOString();
  const row = await db
    .insertInto('users')
    .values({
      email: overrides.email ?? `${role}${sequence}@library.example.org`,
      name: overrides.name ?? `${role[0]?.toUpperCase() ?? ''}${role.slice(1)} ${sequence}`,
      role,
      language: overrides.language ?? 'en',
      password_hash: await passwordHash,
      disabled_at: overrides.disabled === true ? now : null,
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...actorOf(row), password: STAFF_PASSWORD };
}

let cardSequence = 0;

export interface PatronOverrides {
  firstName?: string;
  lastName?: string;
  birthDate?: string | null;
  language?: string | null;
  branch?: string | null;
  patronType?: string | null;
  status?: 'active' | 'expired' | 'inactive' | 'barred';
  region?: string | null;
  tags?: string[];
  phone?: string | null;
  emails?: string[];
  doNotCall?: boolean;
  doNotEmail?: boolean;
  deceased?: boolean;
  householdId?: number | null;
  emailConsent?: 'express' | 'implied' | null;
}

/** Inserts a patron directly (no import, no audit). `phone` is an E.164 number or null. */
export async function createPatron(
  db: Db,
  o: PatronOverrides = {},
): Promise<{ id: number; cardNumber: string }> {
  cardSequence += 1;
  const cardNumber = `2900300${String(9_000_000 + cardSequence)}`;
  const now = new Date().toISOString();
  const phone =
    o.phone === undefined ? `+1905832${String(1000 + cardSequence).slice(-4)}` : o.phone;
  const row = await db
    .insertInto('patrons')
    .values({
      card_number: cardNumber,
      external_id: null,
      first_name: o.firstName ?? `Patron${cardSequence}`,
      last_name: o.lastName ?? 'Test',
      preferred_name: null,
      birth_date: o.birthDate === undefined ? '1950-06-15' : o.birthDate,
      language: o.language === undefined ? 'en' : o.language,
      branch: o.branch === undefined ? 'MAPL' : o.branch,
      patron_type: o.patronType === undefined ? 'ADULT' : o.patronType,
      status: o.status ?? 'active',
      expiry_date: null,
      city: null,
      region: o.region === undefined ? 'ON' : o.region,
      postal_code: null,
      tags: JSON.stringify(o.tags ?? []),
      phones: JSON.stringify(
        phone === null
          ? []
          : [{ kind: 'home', raw: phone, e164: phone, extension: null, valid: true }],
      ),
      emails: JSON.stringify(o.emails ?? []),
      primary_phone: phone,
      household_id: o.householdId ?? null,
      do_not_call_at: o.doNotCall === true ? now : null,
      do_not_email_at: o.doNotEmail === true ? now : null,
      deceased_at: o.deceased === true ? now : null,
      email_consent: o.emailConsent ?? null,
      email_consent_at: o.emailConsent ? now : null,
      content_hash: 'test',
      last_import_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning(['id', 'card_number'])
    .executeTakeFirstOrThrow();
  return { id: row.id, cardNumber: row.card_number };
}
