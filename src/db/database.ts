import type { ColumnType, Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';

/**
 * Table types, shared by both engines. Conventions (docs/decisions/003-database.md):
 * - timestamps are ISO-8601 UTC strings (`text` in SQLite, `timestamptz` in PostgreSQL,
 *   read back as ISO strings);
 * - flags are integers 0/1 on both engines; repositories map them to booleans;
 * - structured values are JSON text.
 */

type Timestamp = string;
type Id = Generated<number>;

export interface UsersTable {
  id: Id;
  email: string;
  name: string;
  role: string;
  language: string;
  password_hash: string;
  /** Languages the staff member can call in (JSON array of codes). */
  call_languages: ColumnType<string, string | undefined, string>;
  disabled_at: Timestamp | null;
  password_changed_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the session token: the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginAttemptsTable {
  id: Id;
  email: string;
  ip: string;
  at: Timestamp;
  succeeded: number;
}

export interface SetupTokensTable {
  /** SHA-256 of the one-time setup token. */
  id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Id;
  at: Timestamp;
  actor_id: number | null;
  /** Who acted, as a readable label kept even if the account is later removed. */
  actor_label: string;
  action: string;
  object_type: string;
  object_id: string | null;
  details: string | null;
  ip: string | null;
  request_id: string | null;
  /** Hash of the previous entry: together they form a chain that shows any edit or deletion. */
  prev_hash: string;
  hash: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  setup_tokens: SetupTokensTable;
  audit_log: AuditLogTable;
}

export type Db = Kysely<Database>;

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;
