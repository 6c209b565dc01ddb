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
  /** Click-to-call scheme: tel, sip, callto, teams, zoom, ringcentral. */
  call_scheme: ColumnType<string, string | undefined, string>;
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
  imports: ImportsTable;
  import_problems: ImportProblemsTable;
  import_mappings: ImportMappingsTable;
  households: HouseholdsTable;
  patrons: PatronsTable;
  settings: SettingsTable;
  services: ServicesTable;
  scripts: ScriptsTable;
  script_versions: ScriptVersionsTable;
  campaigns: CampaignsTable;
  call_list: CallListTable;
  claims: ClaimsTable;
  attempts: AttemptsTable;
  quotes: QuotesTable;
  email_templates: EmailTemplatesTable;
  email_template_versions: EmailTemplateVersionsTable;
  mailings: MailingsTable;
  outbox: OutboxTable;
  mail_sends: MailSendsTable;
  email_suppressions: EmailSuppressionsTable;
  email_events: EmailEventsTable;
  report_narratives: ReportNarrativesTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  escalations: EscalationsTable;
  escalation_actions: EscalationActionsTable;
  referral_services: ReferralServicesTable;
  tasks: TasksTable;
  task_notes: TaskNotesTable;
  referrals: ReferralsTable;
  recurring_calls: RecurringCallsTable;
  sip_accounts: SipAccountsTable;
}

export type Db = Kysely<Database>;

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditRow = Selectable<AuditLogTable>;

export interface ImportsTable {
  id: Id;
  file_name: string;
  file_sha256: string;
  file_bytes: number;
  format: string;
  encoding: string | null;
  layout: string;
  /** JSON FieldMapping used. */
  mapping: string;
  dry_run: number;
  status: 'running' | 'completed' | 'failed' | 'interrupted';
  estimated_rows: number | null;
  rows: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  rejected: Generated<number>;
  warnings: Generated<number>;
  missing: number | null;
  /** The last source row applied: a resumed import continues after it. */
  last_row: Generated<number>;
  error: string | null;
  created_by: number | null;
  started_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ImportProblemsTable {
  id: Id;
  import_id: number;
  row: number;
  column: string | null;
  value: string | null;
  reason: string;
  severity: 'error' | 'warning';
}

export interface ImportMappingsTable {
  id: Id;
  name: string;
  layout: string;
  mapping: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface HouseholdsTable {
  id: Id;
  phone_e164: string;
  created_at: Timestamp;
}

export interface PatronsTable {
  id: Id;
  card_number: string;
  external_id: string | null;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
  birth_date: string | null;
  language: string | null;
  branch: string | null;
  patron_type: string | null;
  status: 'active' | 'expired' | 'inactive' | 'barred';
  expiry_date: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  tags: ColumnType<string, string | undefined, string>;
  /** JSON: [{ kind, raw, e164, extension, valid }]. */
  phones: ColumnType<string, string | undefined, string>;
  /** JSON: ["address", …]. */
  emails: ColumnType<string, string | undefined, string>;
  primary_phone: string | null;
  household_id: number | null;
  do_not_call_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  do_not_email_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  deceased_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** Recorded basis for promotional e-mail (TRUST CA-3): express or implied; null: none. */
  email_consent: ColumnType<
    'express' | 'implied' | null,
    'express' | 'implied' | null | undefined,
    'express' | 'implied' | null
  >;
  email_consent_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  content_hash: string;
  last_import_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PatronRow = Selectable<PatronsTable>;
export type ImportRow = Selectable<ImportsTable>;

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface ServicesTable {
  id: Id;
  key: string;
  /** JSON { en, fr, … } for name, description and talking point. */
  name: string;
  description: string;
  talking_point: string;
  link: string | null;
  active: ColumnType<number, number | undefined, number>;
  position: ColumnType<number, number | undefined, number>;
  /** 1: wanting help with it raises a follow-up task for the caller. */
  raises_task: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScriptsTable {
  id: Id;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  default_language: ColumnType<string, string | undefined, string>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScriptVersionsTable {
  id: Id;
  script_id: number;
  language: string;
  version: number;
  /** JSON { start, steps }. */
  body: string;
  created_by: number | null;
  created_at: Timestamp;
}

export interface CampaignsTable {
  id: Id;
  name: string;
  purpose: string;
  legal_authority: string;
  contact: string;
  starts_on: string | null;
  ends_on: string | null;
  channel: 'phone' | 'email' | 'phone_then_email';
  email_after_attempts: number;
  max_attempts: number;
  attempt_gap_hours: number;
  /** JSON CallingHours. */
  calling_hours: string;
  /** JSON number[] or null (every caller). */
  caller_ids: string | null;
  /** JSON Audience and PriorityRule[]. */
  audience: string;
  priorities: string;
  script_id: number | null;
  /** JSON string[]. */
  service_keys: string;
  /** JSON Training. */
  training: string;
  status: 'draft' | 'active' | 'paused' | 'closed';
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  launched_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface CallListTable {
  id: Id;
  campaign_id: number;
  patron_id: number;
  household_id: number | null;
  priority: number;
  state: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp | null;
  added_at: Timestamp;
  /** IANA zone of the patron (from their province); null: the library's. */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
  callback_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** The caller a callback is for; null: anyone. */
  callback_for: ColumnType<number | null, number | null | undefined, number | null>;
  last_attempt_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  last_outcome: ColumnType<string | null, string | null | undefined, string | null>;
  done_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
}

export type CampaignRow = Selectable<CampaignsTable>;
export type ScriptVersionRow = Selectable<ScriptVersionsTable>;
export type ServiceRow = Selectable<ServicesTable>;

export interface ClaimsTable {
  id: Id;
  /** `h:<household id>` or `p:<patron id>`. */
  unit_key: string;
  campaign_id: number;
  caller_id: number;
  token: string;
  claimed_at: Timestamp;
  expires_at: Timestamp;
  /** JSON { patronId: scriptVersionId } fixed when the call starts. */
  script_versions: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AttemptsTable {
  id: Id;
  campaign_id: number;
  call_list_id: number | null;
  patron_id: number;
  caller_id: number | null;
  channel: 'phone' | 'email';
  outcome: string;
  contact: number;
  started_at: Timestamp | null;
  ended_at: Timestamp | null;
  script_version_id: number | null;
  /** JSON { stepId: answerId }, string[], string[]. */
  answers: ColumnType<string, string | undefined, string>;
  services_told: ColumnType<string, string | undefined, string>;
  services_wanted: ColumnType<string, string | undefined, string>;
  note: ColumnType<string, string | undefined, string>;
  note_private: ColumnType<number, number | undefined, number>;
  concern_level: string | null;
  concern_note: string | null;
  info_request: string | null;
  callback_at: Timestamp | null;
  /** What the built-in softphone saw on the line; null for calls placed another way. */
  line_result: ColumnType<string | null, string | null | undefined, string | null>;
  answered_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  ended_by: ColumnType<string | null, string | null | undefined, string | null>;
  sip_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** A staff member's SIP account for the built-in softphone; the password is sealed. */
export interface SipAccountsTable {
  user_id: number;
  /** 0 when the staff member turned the softphone off for themselves. */
  enabled: ColumnType<number, number | undefined, number>;
  username: ColumnType<string, string | undefined, string>;
  authorization_user: ColumnType<string, string | undefined, string>;
  password: ColumnType<string, string | undefined, string>;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface QuotesTable {
  id: Id;
  attempt_id: number;
  campaign_id: number;
  patron_id: number;
  text: string;
  consent: number;
  attribution: 'anonymous' | 'first_name' | 'full_name';
  status: ColumnType<
    'pending' | 'approved' | 'hidden',
    'pending' | 'approved' | 'hidden' | undefined,
    'pending' | 'approved' | 'hidden'
  >;
  created_at: Timestamp;
}

export type ClaimRow = Selectable<ClaimsTable>;
export type CallListRow = Selectable<CallListTable>;

type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

export type TemplateClass = 'transactional' | 'promotional';

export interface EmailTemplatesTable {
  id: Id;
  name: string;
  description: Defaulted<string>;
  class: TemplateClass;
  /** general, missed_you (after the last unanswered call), follow_up (the link asked for). */
  purpose: 'general' | 'missed_you' | 'follow_up';
  default_language: string;
  /** Set on templates the app installed, so it never installs them twice. */
  starter_key: Nullable<string>;
  archived_at: Nullable<Timestamp>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EmailTemplateVersionsTable {
  id: Id;
  template_id: number;
  language: string;
  subject: string;
  /** Sanitised HTML fragment (the body inside the library's layout). */
  html: string;
  text: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface MailingsTable {
  id: Id;
  campaign_id: number;
  template_id: number;
  status: 'sending' | 'paused' | 'done' | 'cancelled';
  scheduled_at: Timestamp;
  paused_reason: Nullable<string>;
  failures_in_row: Defaulted<number>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed' | 'bounced' | 'cancelled';
export type OutboxKind = 'campaign' | 'follow_up' | 'test' | 'notification';

export interface OutboxTable {
  id: Id;
  /** The final Message-ID, fixed before the first try: a resend after a crash carries the same. */
  message_id: string;
  kind: OutboxKind;
  dedupe_key: Nullable<string>;
  campaign_id: Nullable<number>;
  mailing_id: Nullable<number>;
  patron_id: Nullable<number>;
  template_id: Nullable<number>;
  attempt_id: Nullable<number>;
  to_address: string;
  language: string;
  class: TemplateClass;
  subject: string;
  html: string;
  text: string;
  /** JSON [[name, value]]. */
  headers: Defaulted<string>;
  unsubscribe_token: Nullable<string>;
  state: OutboxState;
  tries: Defaulted<number>;
  next_try_at: Timestamp;
  lease_until: Nullable<Timestamp>;
  last_error: Nullable<string>;
  queued_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Nullable<Timestamp>;
}

export interface MailSendsTable {
  id: Id;
  outbox_id: number;
  at: Timestamp;
  result: 'pending' | 'sent' | 'temporary' | 'permanent';
  code: Nullable<number>;
  response: Nullable<string>;
}

export type SuppressionReason = 'unsubscribed' | 'hard_bounce' | 'complaint' | 'manual';

export interface EmailSuppressionsTable {
  /** Lower-cased address. */
  address: string;
  reason: SuppressionReason;
  detail: Nullable<string>;
  outbox_id: Nullable<number>;
  created_by: Nullable<number>;
  created_at: Timestamp;
}

export type EmailEventKind = 'hard_bounce' | 'soft_bounce' | 'complaint' | 'auto_reply' | 'unknown';

export interface EmailEventsTable {
  id: Id;
  outbox_id: number | null;
  message_id: string | null;
  address: string | null;
  kind: EmailEventKind;
  status: string | null;
  diagnostic: string | null;
  source: 'imap' | 'webhook';
  /** The report as received, kept for review. */
  raw: string;
  received_at: Timestamp;
}

export type OutboxRow = Selectable<OutboxTable>;
export type EmailTemplateRow = Selectable<EmailTemplatesTable>;
export type EmailTemplateVersionRow = Selectable<EmailTemplateVersionsTable>;
export type MailingRow = Selectable<MailingsTable>;

/** The coordinator's narrative for an impact report: one per campaign, and one for the library. */
export interface ReportNarrativesTable {
  id: Id;
  /** `campaign:<id>` or `library`. */
  scope_key: string;
  narrative: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: Id;
  name: string;
  starter_key: string | null;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
}

export type EscalationLevel = 'more_contact' | 'practical_help' | 'urgent';

/** A wellbeing concern for the coordinators. `note` is sensitive (TRUST PR-3): emptied when purged. */
export interface EscalationsTable {
  id: Id;
  patron_id: number;
  campaign_id: number | null;
  attempt_id: number | null;
  level: EscalationLevel;
  source: 'call' | 'missed_calls';
  note: Defaulted<string>;
  status: Defaulted<'open' | 'acknowledged' | 'closed'>;
  raised_by: number | null;
  raised_at: Timestamp;
  notified_at: Defaulted<Timestamp | null>;
  notifications: Defaulted<number>;
  acknowledged_by: Defaulted<number | null>;
  acknowledged_at: Defaulted<Timestamp | null>;
  closed_by: Defaulted<number | null>;
  closed_at: Defaulted<Timestamp | null>;
  resolution: Defaulted<string>;
  purged_at: Defaulted<Timestamp | null>;
}

export interface EscalationActionsTable {
  id: Id;
  escalation_id: number;
  author_id: number | null;
  kind: 'notified' | 'acknowledged' | 'action' | 'referred' | 'reopened' | 'closed';
  text: Defaulted<string>;
  at: Timestamp;
}

export interface ReferralServicesTable {
  id: Id;
  name: string;
  helps_with: Defaulted<string>;
  phone: Defaulted<string>;
  website: Defaulted<string>;
  /** JSON string[]. */
  languages: Defaulted<string>;
  hours: Defaulted<string>;
  notes: Defaulted<string>;
  starter_key: Defaulted<string | null>;
  archived_at: Defaulted<Timestamp | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TaskType =
  'information' | 'send_link' | 'tech_help' | 'service_help' | 'referral_check' | 'other';
export type TaskStatus = 'open' | 'in_progress' | 'done' | 'cancelled';

export interface TasksTable {
  id: Id;
  type: TaskType;
  patron_id: number;
  campaign_id: number | null;
  attempt_id: Defaulted<number | null>;
  service_key: Defaulted<string | null>;
  title: string;
  detail: Defaulted<string>;
  owner_id: number | null;
  team_id: number | null;
  due_at: Timestamp;
  status: Defaulted<TaskStatus>;
  outbox_id: Defaulted<number | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_by: Defaulted<number | null>;
  closed_at: Defaulted<Timestamp | null>;
  purged_at: Defaulted<Timestamp | null>;
}

export interface TaskNotesTable {
  id: Id;
  task_id: number;
  author_id: number | null;
  text: string;
  at: Timestamp;
}

/** A referral to a community service, made with the patron's consent. `shared` and `note` are sensitive. */
export interface ReferralsTable {
  id: Id;
  patron_id: number;
  service_id: number;
  campaign_id: number | null;
  escalation_id: number | null;
  task_id: Defaulted<number | null>;
  consent_at: Timestamp;
  shared: Defaulted<string>;
  note: Defaulted<string>;
  follow_up_at: Timestamp;
  created_by: number | null;
  created_at: Timestamp;
  purged_at: Defaulted<Timestamp | null>;
}

export type RecurringFrequency = 'weekly' | 'fortnightly' | 'monthly';

export interface RecurringCallsTable {
  id: Id;
  patron_id: number;
  campaign_id: number;
  frequency: RecurringFrequency;
  /** The caller the calls go to first; anyone once a call is a day late. */
  caller_id: number | null;
  next_call_at: Timestamp;
  missed_in_row: Defaulted<number>;
  status: Defaulted<'active' | 'paused' | 'ended'>;
  ended_reason: Defaulted<string | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type EscalationRow = Selectable<EscalationsTable>;
export type TaskRow = Selectable<TasksTable>;
export type ReferralRow = Selectable<ReferralsTable>;
export type ReferralServiceRow = Selectable<ReferralServicesTable>;
export type RecurringCallRow = Selectable<RecurringCallsTable>;
