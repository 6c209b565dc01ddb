import type { UserRow } from '../../db/database.js';
import type { Role, UiLanguage } from '../../shared/roles.js';
import type { CallScheme } from '../../shared/schemas/calls.js';
import type { User } from '../../shared/schemas/users.js';

/** The one place a users row becomes the API's User. The password hash never leaves. */
export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    language: row.language as UiLanguage,
    callLanguages: JSON.parse(row.call_languages) as string[],
    callScheme: row.call_scheme as CallScheme,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
