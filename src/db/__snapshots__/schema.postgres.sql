attempts.id integer not null identity
attempts.campaign_id integer not null
attempts.call_list_id integer
attempts.patron_id integer not null
attempts.caller_id integer
attempts.channel text not null
attempts.outcome text not null
attempts.contact integer not null
attempts.started_at timestamp with time zone
attempts.ended_at timestamp with time zone
attempts.script_version_id integer
attempts.answers text not null default '{}'::text
attempts.services_told text not null default '[]'::text
attempts.services_wanted text not null default '[]'::text
attempts.note text not null default ''::text
attempts.note_private integer not null default 0
attempts.concern_level text
attempts.concern_note text
attempts.info_request text
attempts.callback_at timestamp with time zone
attempts.created_at timestamp with time zone not null
attempts.line_result text
attempts.answered_at timestamp with time zone
attempts.ended_by text
attempts.sip_reason text
audit_log.id integer not null identity
audit_log.at timestamp with time zone not null
audit_log.actor_id integer
audit_log.actor_label text not null
audit_log.action text not null
audit_log.object_type text not null
audit_log.object_id text
audit_log.details text
audit_log.ip text
audit_log.request_id text
audit_log.prev_hash text not null
audit_log.hash text not null
call_list.id integer not null identity
call_list.campaign_id integer not null
call_list.patron_id integer not null
call_list.household_id integer
call_list.priority integer not null
call_list.state text not null default 'waiting'::text
call_list.attempts integer not null default 0
call_list.next_attempt_at timestamp with time zone
call_list.added_at timestamp with time zone not null
call_list.time_zone text
call_list.callback_at timestamp with time zone
call_list.callback_for integer
call_list.last_attempt_at timestamp with time zone
call_list.last_outcome text
call_list.done_at timestamp with time zone
campaigns.id integer not null identity
campaigns.name text not null
campaigns.purpose text not null
campaigns.legal_authority text not null
campaigns.contact text not null
campaigns.starts_on date
campaigns.ends_on date
campaigns.channel text not null
campaigns.email_after_attempts integer not null
campaigns.max_attempts integer not null
campaigns.attempt_gap_hours integer not null
campaigns.calling_hours text not null
campaigns.caller_ids text
campaigns.audience text not null
campaigns.priorities text not null
campaigns.script_id integer
campaigns.service_keys text not null
campaigns.training text not null
campaigns.status text not null
campaigns.created_by integer
campaigns.created_at timestamp with time zone not null
campaigns.updated_at timestamp with time zone not null
campaigns.launched_at timestamp with time zone
campaigns.closed_at timestamp with time zone
claims.id integer not null identity
claims.unit_key text not null
claims.campaign_id integer not null
claims.caller_id integer not null
claims.token text not null
claims.claimed_at timestamp with time zone not null
claims.expires_at timestamp with time zone not null
claims.script_versions text
email_events.id integer not null identity
email_events.outbox_id integer
email_events.message_id text
email_events.address text
email_events.kind text not null
email_events.status text
email_events.diagnostic text
email_events.source text not null
email_events.raw text not null
email_events.received_at timestamp with time zone not null
email_suppressions.address text not null
email_suppressions.reason text not null
email_suppressions.detail text
email_suppressions.outbox_id integer
email_suppressions.created_by integer
email_suppressions.created_at timestamp with time zone not null
email_template_versions.id integer not null identity
email_template_versions.template_id integer not null
email_template_versions.language text not null
email_template_versions.subject text not null
email_template_versions.html text not null
email_template_versions.text text not null
email_template_versions.updated_by integer
email_template_versions.updated_at timestamp with time zone not null
email_templates.id integer not null identity
email_templates.name text not null
email_templates.description text not null default ''::text
email_templates.class text not null
email_templates.purpose text not null
email_templates.default_language text not null
email_templates.starter_key text
email_templates.archived_at timestamp with time zone
email_templates.created_by integer
email_templates.created_at timestamp with time zone not null
email_templates.updated_at timestamp with time zone not null
escalation_actions.id integer not null identity
escalation_actions.escalation_id integer not null
escalation_actions.author_id integer
escalation_actions.kind text not null
escalation_actions.text text not null default ''::text
escalation_actions.at timestamp with time zone not null
escalations.id integer not null identity
escalations.patron_id integer not null
escalations.campaign_id integer
escalations.attempt_id integer
escalations.level text not null
escalations.source text not null
escalations.note text not null default ''::text
escalations.status text not null default 'open'::text
escalations.raised_by integer
escalations.raised_at timestamp with time zone not null
escalations.notified_at timestamp with time zone
escalations.notifications integer not null default 0
escalations.acknowledged_by integer
escalations.acknowledged_at timestamp with time zone
escalations.closed_by integer
escalations.closed_at timestamp with time zone
escalations.resolution text not null default ''::text
escalations.purged_at timestamp with time zone
households.id integer not null identity
households.phone_e164 text not null
households.created_at timestamp with time zone not null
import_mappings.id integer not null identity
import_mappings.name text not null
import_mappings.layout text not null
import_mappings.mapping text not null
import_mappings.created_by integer
import_mappings.created_at timestamp with time zone not null
import_problems.id integer not null identity
import_problems.import_id integer not null
import_problems.row integer not null
import_problems.column text
import_problems.value text
import_problems.reason text not null
import_problems.severity text not null
imports.id integer not null identity
imports.file_name text not null
imports.file_sha256 text not null
imports.file_bytes integer not null
imports.format text not null
imports.encoding text
imports.layout text not null
imports.mapping text not null
imports.dry_run integer not null
imports.status text not null
imports.estimated_rows integer
imports.rows integer not null default 0
imports.inserted integer not null default 0
imports.updated integer not null default 0
imports.unchanged integer not null default 0
imports.rejected integer not null default 0
imports.warnings integer not null default 0
imports.missing integer
imports.last_row integer not null default 0
imports.error text
imports.created_by integer
imports.started_at timestamp with time zone not null
imports.heartbeat_at timestamp with time zone not null
imports.finished_at timestamp with time zone
login_attempts.id integer not null identity
login_attempts.email text not null
login_attempts.ip text not null
login_attempts.at timestamp with time zone not null
login_attempts.succeeded integer not null
mail_sends.id integer not null identity
mail_sends.outbox_id integer not null
mail_sends.at timestamp with time zone not null
mail_sends.result text not null
mail_sends.code integer
mail_sends.response text
mailings.id integer not null identity
mailings.campaign_id integer not null
mailings.template_id integer not null
mailings.status text not null
mailings.scheduled_at timestamp with time zone not null
mailings.paused_reason text
mailings.failures_in_row integer not null default 0
mailings.created_by integer
mailings.created_at timestamp with time zone not null
mailings.updated_at timestamp with time zone not null
outbox.id integer not null identity
outbox.message_id text not null
outbox.kind text not null
outbox.dedupe_key text
outbox.campaign_id integer
outbox.mailing_id integer
outbox.patron_id integer
outbox.template_id integer
outbox.attempt_id integer
outbox.to_address text not null
outbox.language text not null
outbox.class text not null
outbox.subject text not null
outbox.html text not null
outbox.text text not null
outbox.headers text not null default '[]'::text
outbox.unsubscribe_token text
outbox.state text not null
outbox.tries integer not null default 0
outbox.next_try_at timestamp with time zone not null
outbox.lease_until timestamp with time zone
outbox.last_error text
outbox.queued_by integer
outbox.created_at timestamp with time zone not null
outbox.updated_at timestamp with time zone not null
outbox.sent_at timestamp with time zone
patrons.id integer not null identity
patrons.card_number text not null
patrons.external_id text
patrons.first_name text not null
patrons.last_name text not null
patrons.preferred_name text
patrons.birth_date date
patrons.language text
patrons.branch text
patrons.patron_type text
patrons.status text not null
patrons.expiry_date date
patrons.city text
patrons.region text
patrons.postal_code text
patrons.tags text not null default '[]'::text
patrons.phones text not null default '[]'::text
patrons.emails text not null default '[]'::text
patrons.primary_phone text
patrons.household_id integer
patrons.do_not_call_at timestamp with time zone
patrons.do_not_email_at timestamp with time zone
patrons.deceased_at timestamp with time zone
patrons.content_hash text not null
patrons.last_import_id integer
patrons.created_at timestamp with time zone not null
patrons.updated_at timestamp with time zone not null
patrons.email_consent text
patrons.email_consent_at timestamp with time zone
quotes.id integer not null identity
quotes.attempt_id integer not null
quotes.campaign_id integer not null
quotes.patron_id integer not null
quotes.text text not null
quotes.consent integer not null
quotes.attribution text not null
quotes.status text not null default 'pending'::text
quotes.created_at timestamp with time zone not null
recurring_calls.id integer not null identity
recurring_calls.patron_id integer not null
recurring_calls.campaign_id integer not null
recurring_calls.frequency text not null
recurring_calls.caller_id integer
recurring_calls.next_call_at timestamp with time zone not null
recurring_calls.missed_in_row integer not null default 0
recurring_calls.status text not null default 'active'::text
recurring_calls.ended_reason text
recurring_calls.created_by integer
recurring_calls.created_at timestamp with time zone not null
recurring_calls.updated_at timestamp with time zone not null
referral_services.id integer not null identity
referral_services.name text not null
referral_services.helps_with text not null default ''::text
referral_services.phone text not null default ''::text
referral_services.website text not null default ''::text
referral_services.languages text not null default '[]'::text
referral_services.hours text not null default ''::text
referral_services.notes text not null default ''::text
referral_services.starter_key text
referral_services.archived_at timestamp with time zone
referral_services.created_at timestamp with time zone not null
referral_services.updated_at timestamp with time zone not null
referrals.id integer not null identity
referrals.patron_id integer not null
referrals.service_id integer not null
referrals.campaign_id integer
referrals.escalation_id integer
referrals.task_id integer
referrals.consent_at timestamp with time zone not null
referrals.shared text not null default ''::text
referrals.note text not null default ''::text
referrals.follow_up_at timestamp with time zone not null
referrals.created_by integer
referrals.created_at timestamp with time zone not null
referrals.purged_at timestamp with time zone
report_narratives.id integer not null identity
report_narratives.scope_key text not null
report_narratives.narrative text not null
report_narratives.updated_by integer
report_narratives.updated_at timestamp with time zone not null
script_versions.id integer not null identity
script_versions.script_id integer not null
script_versions.language text not null
script_versions.version integer not null
script_versions.body text not null
script_versions.created_by integer
script_versions.created_at timestamp with time zone not null
scripts.id integer not null identity
scripts.name text not null
scripts.description text not null default ''::text
scripts.default_language text not null default 'en'::text
scripts.created_by integer
scripts.created_at timestamp with time zone not null
scripts.updated_at timestamp with time zone not null
services.id integer not null identity
services.key text not null
services.name text not null
services.description text not null
services.talking_point text not null
services.link text
services.active integer not null default 1
services.position integer not null default 0
services.created_at timestamp with time zone not null
services.updated_at timestamp with time zone not null
services.raises_task integer not null default 0
sessions.id text not null
sessions.user_id integer not null
sessions.created_at timestamp with time zone not null
sessions.last_seen_at timestamp with time zone not null
sessions.expires_at timestamp with time zone not null
sessions.ip text
sessions.user_agent text
settings.key text not null
settings.value text not null
settings.updated_by integer
settings.updated_at timestamp with time zone not null
setup_tokens.id text not null
setup_tokens.created_at timestamp with time zone not null
setup_tokens.expires_at timestamp with time zone not null
setup_tokens.used_at timestamp with time zone
sip_accounts.user_id integer not null
sip_accounts.enabled integer not null default 1
sip_accounts.username text not null default ''::text
sip_accounts.authorization_user text not null default ''::text
sip_accounts.password text not null default ''::text
sip_accounts.updated_by integer
sip_accounts.updated_at timestamp with time zone not null
task_notes.id integer not null identity
task_notes.task_id integer not null
task_notes.author_id integer
task_notes.text text not null
task_notes.at timestamp with time zone not null
tasks.id integer not null identity
tasks.type text not null
tasks.patron_id integer not null
tasks.campaign_id integer
tasks.attempt_id integer
tasks.service_key text
tasks.title text not null
tasks.detail text not null default ''::text
tasks.owner_id integer
tasks.team_id integer
tasks.due_at timestamp with time zone not null
tasks.status text not null default 'open'::text
tasks.outbox_id integer
tasks.created_by integer
tasks.created_at timestamp with time zone not null
tasks.updated_at timestamp with time zone not null
tasks.closed_by integer
tasks.closed_at timestamp with time zone
tasks.purged_at timestamp with time zone
team_members.team_id integer not null
team_members.user_id integer not null
teams.id integer not null identity
teams.name text not null
teams.starter_key text
teams.created_at timestamp with time zone not null
users.id integer not null identity
users.email text not null
users.name text not null
users.role text not null
users.language text not null default 'en'::text
users.password_hash text not null
users.call_languages text not null default '[]'::text
users.disabled_at timestamp with time zone
users.password_changed_at timestamp with time zone not null
users.created_at timestamp with time zone not null
users.updated_at timestamp with time zone not null
users.call_scheme text not null default 'tel'::text
attempts attempts_call_list_id_fkey FOREIGN KEY (call_list_id) REFERENCES call_list(id) ON DELETE SET NULL
attempts attempts_caller_id_fkey FOREIGN KEY (caller_id) REFERENCES users(id)
attempts attempts_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
attempts attempts_channel_check CHECK ((channel = ANY (ARRAY['phone'::text, 'email'::text])))
attempts attempts_ended_by_check CHECK ((ended_by = ANY (ARRAY['caller'::text, 'patron'::text, 'network'::text])))
attempts attempts_line_result_check CHECK ((line_result = ANY (ARRAY['answered'::text, 'busy'::text, 'no_answer'::text, 'rejected'::text, 'unreachable'::text, 'not_in_service'::text, 'cancelled'::text, 'network'::text])))
attempts attempts_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE CASCADE
attempts attempts_pkey PRIMARY KEY (id)
attempts attempts_script_version_id_fkey FOREIGN KEY (script_version_id) REFERENCES script_versions(id)
audit_log audit_log_pkey PRIMARY KEY (id)
call_list call_list_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
call_list call_list_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE CASCADE
call_list call_list_pkey PRIMARY KEY (id)
call_list call_list_unique UNIQUE (campaign_id, patron_id)
campaigns campaigns_channel_check CHECK ((channel = ANY (ARRAY['phone'::text, 'email'::text, 'phone_then_email'::text])))
campaigns campaigns_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
campaigns campaigns_pkey PRIMARY KEY (id)
campaigns campaigns_script_id_fkey FOREIGN KEY (script_id) REFERENCES scripts(id)
campaigns campaigns_status_check CHECK ((status = ANY (ARRAY['draft'::text, 'active'::text, 'paused'::text, 'closed'::text])))
claims claims_caller_id_fkey FOREIGN KEY (caller_id) REFERENCES users(id)
claims claims_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
claims claims_pkey PRIMARY KEY (id)
claims claims_unit_key_key UNIQUE (unit_key)
email_events email_events_kind_check CHECK ((kind = ANY (ARRAY['hard_bounce'::text, 'soft_bounce'::text, 'complaint'::text, 'auto_reply'::text, 'unknown'::text])))
email_events email_events_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox(id) ON DELETE SET NULL
email_events email_events_pkey PRIMARY KEY (id)
email_events email_events_source_check CHECK ((source = ANY (ARRAY['imap'::text, 'webhook'::text])))
email_suppressions email_suppressions_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
email_suppressions email_suppressions_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox(id) ON DELETE SET NULL
email_suppressions email_suppressions_pkey PRIMARY KEY (address)
email_suppressions email_suppressions_reason_check CHECK ((reason = ANY (ARRAY['unsubscribed'::text, 'hard_bounce'::text, 'complaint'::text, 'manual'::text])))
email_template_versions email_template_versions_pkey PRIMARY KEY (id)
email_template_versions email_template_versions_template_id_fkey FOREIGN KEY (template_id) REFERENCES email_templates(id) ON DELETE CASCADE
email_template_versions email_template_versions_unique UNIQUE (template_id, language)
email_template_versions email_template_versions_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users(id)
email_templates email_templates_class_check CHECK ((class = ANY (ARRAY['transactional'::text, 'promotional'::text])))
email_templates email_templates_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
email_templates email_templates_name_key UNIQUE (name)
email_templates email_templates_pkey PRIMARY KEY (id)
email_templates email_templates_purpose_check CHECK ((purpose = ANY (ARRAY['general'::text, 'missed_you'::text, 'follow_up'::text])))
email_templates email_templates_starter_key_key UNIQUE (starter_key)
escalation_actions escalation_actions_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id)
escalation_actions escalation_actions_escalation_id_fkey FOREIGN KEY (escalation_id) REFERENCES escalations(id) ON DELETE CASCADE
escalation_actions escalation_actions_kind_check CHECK ((kind = ANY (ARRAY['notified'::text, 'acknowledged'::text, 'action'::text, 'referred'::text, 'reopened'::text, 'closed'::text])))
escalation_actions escalation_actions_pkey PRIMARY KEY (id)
escalations escalations_acknowledged_by_fkey FOREIGN KEY (acknowledged_by) REFERENCES users(id)
escalations escalations_attempt_id_fkey FOREIGN KEY (attempt_id) REFERENCES attempts(id) ON DELETE SET NULL
escalations escalations_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE SET NULL
escalations escalations_closed_by_fkey FOREIGN KEY (closed_by) REFERENCES users(id)
escalations escalations_level_check CHECK ((level = ANY (ARRAY['more_contact'::text, 'practical_help'::text, 'urgent'::text])))
escalations escalations_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE CASCADE
escalations escalations_pkey PRIMARY KEY (id)
escalations escalations_raised_by_fkey FOREIGN KEY (raised_by) REFERENCES users(id)
escalations escalations_source_check CHECK ((source = ANY (ARRAY['call'::text, 'missed_calls'::text])))
escalations escalations_status_check CHECK ((status = ANY (ARRAY['open'::text, 'acknowledged'::text, 'closed'::text])))
households households_phone_e164_key UNIQUE (phone_e164)
households households_pkey PRIMARY KEY (id)
import_mappings import_mappings_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
import_mappings import_mappings_name_key UNIQUE (name)
import_mappings import_mappings_pkey PRIMARY KEY (id)
import_problems import_problems_import_id_fkey FOREIGN KEY (import_id) REFERENCES imports(id) ON DELETE CASCADE
import_problems import_problems_pkey PRIMARY KEY (id)
import_problems import_problems_severity_check CHECK ((severity = ANY (ARRAY['error'::text, 'warning'::text])))
imports imports_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
imports imports_pkey PRIMARY KEY (id)
imports imports_status_check CHECK ((status = ANY (ARRAY['running'::text, 'completed'::text, 'failed'::text, 'interrupted'::text])))
login_attempts login_attempts_pkey PRIMARY KEY (id)
mail_sends mail_sends_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox(id) ON DELETE CASCADE
mail_sends mail_sends_pkey PRIMARY KEY (id)
mail_sends mail_sends_result_check CHECK ((result = ANY (ARRAY['pending'::text, 'sent'::text, 'temporary'::text, 'permanent'::text])))
mailings mailings_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
mailings mailings_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
mailings mailings_pkey PRIMARY KEY (id)
mailings mailings_status_check CHECK ((status = ANY (ARRAY['sending'::text, 'paused'::text, 'done'::text, 'cancelled'::text])))
mailings mailings_template_id_fkey FOREIGN KEY (template_id) REFERENCES email_templates(id)
outbox outbox_attempt_id_fkey FOREIGN KEY (attempt_id) REFERENCES attempts(id) ON DELETE SET NULL
outbox outbox_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE SET NULL
outbox outbox_class_check CHECK ((class = ANY (ARRAY['transactional'::text, 'promotional'::text])))
outbox outbox_dedupe_key_key UNIQUE (dedupe_key)
outbox outbox_kind_check CHECK ((kind = ANY (ARRAY['campaign'::text, 'follow_up'::text, 'test'::text, 'notification'::text])))
outbox outbox_mailing_id_fkey FOREIGN KEY (mailing_id) REFERENCES mailings(id) ON DELETE SET NULL
outbox outbox_message_id_key UNIQUE (message_id)
outbox outbox_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE SET NULL
outbox outbox_pkey PRIMARY KEY (id)
outbox outbox_queued_by_fkey FOREIGN KEY (queued_by) REFERENCES users(id)
outbox outbox_state_check CHECK ((state = ANY (ARRAY['queued'::text, 'sending'::text, 'sent'::text, 'failed'::text, 'bounced'::text, 'cancelled'::text])))
outbox outbox_template_id_fkey FOREIGN KEY (template_id) REFERENCES email_templates(id) ON DELETE SET NULL
outbox outbox_unsubscribe_token_key UNIQUE (unsubscribe_token)
patrons patrons_card_number_key UNIQUE (card_number)
patrons patrons_email_consent_check CHECK ((email_consent = ANY (ARRAY['express'::text, 'implied'::text])))
patrons patrons_household_id_fkey FOREIGN KEY (household_id) REFERENCES households(id) ON DELETE SET NULL
patrons patrons_last_import_id_fkey FOREIGN KEY (last_import_id) REFERENCES imports(id) ON DELETE SET NULL
patrons patrons_pkey PRIMARY KEY (id)
patrons patrons_status_check CHECK ((status = ANY (ARRAY['active'::text, 'expired'::text, 'inactive'::text, 'barred'::text])))
quotes quotes_attempt_id_fkey FOREIGN KEY (attempt_id) REFERENCES attempts(id) ON DELETE CASCADE
quotes quotes_attribution_check CHECK ((attribution = ANY (ARRAY['anonymous'::text, 'first_name'::text, 'full_name'::text])))
quotes quotes_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
quotes quotes_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE CASCADE
quotes quotes_pkey PRIMARY KEY (id)
quotes quotes_status_check CHECK ((status = ANY (ARRAY['pending'::text, 'approved'::text, 'hidden'::text])))
recurring_calls recurring_calls_caller_id_fkey FOREIGN KEY (caller_id) REFERENCES users(id)
recurring_calls recurring_calls_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE
recurring_calls recurring_calls_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
recurring_calls recurring_calls_frequency_check CHECK ((frequency = ANY (ARRAY['weekly'::text, 'fortnightly'::text, 'monthly'::text])))
recurring_calls recurring_calls_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE CASCADE
recurring_calls recurring_calls_pkey PRIMARY KEY (id)
recurring_calls recurring_calls_status_check CHECK ((status = ANY (ARRAY['active'::text, 'paused'::text, 'ended'::text])))
referral_services referral_services_name_key UNIQUE (name)
referral_services referral_services_pkey PRIMARY KEY (id)
referral_services referral_services_starter_key_key UNIQUE (starter_key)
referrals referrals_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE SET NULL
referrals referrals_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
referrals referrals_escalation_id_fkey FOREIGN KEY (escalation_id) REFERENCES escalations(id) ON DELETE SET NULL
referrals referrals_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE CASCADE
referrals referrals_pkey PRIMARY KEY (id)
referrals referrals_service_id_fkey FOREIGN KEY (service_id) REFERENCES referral_services(id)
referrals referrals_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE SET NULL
report_narratives report_narratives_pkey PRIMARY KEY (id)
report_narratives report_narratives_scope_key_key UNIQUE (scope_key)
report_narratives report_narratives_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users(id)
script_versions script_versions_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
script_versions script_versions_pkey PRIMARY KEY (id)
script_versions script_versions_script_id_fkey FOREIGN KEY (script_id) REFERENCES scripts(id) ON DELETE CASCADE
script_versions script_versions_unique UNIQUE (script_id, language, version)
scripts scripts_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
scripts scripts_pkey PRIMARY KEY (id)
services services_key_key UNIQUE (key)
services services_pkey PRIMARY KEY (id)
sessions sessions_pkey PRIMARY KEY (id)
sessions sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
settings settings_pkey PRIMARY KEY (key)
settings settings_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users(id)
setup_tokens setup_tokens_pkey PRIMARY KEY (id)
sip_accounts sip_accounts_pkey PRIMARY KEY (user_id)
sip_accounts sip_accounts_updated_by_fkey FOREIGN KEY (updated_by) REFERENCES users(id) ON DELETE SET NULL
sip_accounts sip_accounts_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
task_notes task_notes_author_id_fkey FOREIGN KEY (author_id) REFERENCES users(id)
task_notes task_notes_pkey PRIMARY KEY (id)
task_notes task_notes_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE
tasks tasks_attempt_id_fkey FOREIGN KEY (attempt_id) REFERENCES attempts(id) ON DELETE SET NULL
tasks tasks_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE SET NULL
tasks tasks_closed_by_fkey FOREIGN KEY (closed_by) REFERENCES users(id)
tasks tasks_created_by_fkey FOREIGN KEY (created_by) REFERENCES users(id)
tasks tasks_outbox_id_fkey FOREIGN KEY (outbox_id) REFERENCES outbox(id) ON DELETE SET NULL
tasks tasks_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES users(id)
tasks tasks_patron_id_fkey FOREIGN KEY (patron_id) REFERENCES patrons(id) ON DELETE CASCADE
tasks tasks_pkey PRIMARY KEY (id)
tasks tasks_status_check CHECK ((status = ANY (ARRAY['open'::text, 'in_progress'::text, 'done'::text, 'cancelled'::text])))
tasks tasks_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams(id)
tasks tasks_type_check CHECK ((type = ANY (ARRAY['information'::text, 'send_link'::text, 'tech_help'::text, 'service_help'::text, 'referral_check'::text, 'other'::text])))
team_members team_members_pk PRIMARY KEY (team_id, user_id)
team_members team_members_team_id_fkey FOREIGN KEY (team_id) REFERENCES teams(id) ON DELETE CASCADE
team_members team_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
teams teams_name_key UNIQUE (name)
teams teams_pkey PRIMARY KEY (id)
teams teams_starter_key_key UNIQUE (starter_key)
users users_email_key UNIQUE (email)
users users_pkey PRIMARY KEY (id)
users users_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'coordinator'::text, 'caller'::text, 'viewer'::text])))
CREATE INDEX attempts_campaign ON public.attempts USING btree (campaign_id, created_at)
CREATE INDEX attempts_patron ON public.attempts USING btree (patron_id, created_at)
CREATE UNIQUE INDEX attempts_pkey ON public.attempts USING btree (id)
CREATE INDEX audit_log_actor ON public.audit_log USING btree (actor_id, at)
CREATE INDEX audit_log_object ON public.audit_log USING btree (object_type, object_id)
CREATE UNIQUE INDEX audit_log_pkey ON public.audit_log USING btree (id)
CREATE INDEX call_list_callbacks ON public.call_list USING btree (campaign_id, callback_at)
CREATE INDEX call_list_patron ON public.call_list USING btree (patron_id)
CREATE UNIQUE INDEX call_list_pkey ON public.call_list USING btree (id)
CREATE INDEX call_list_queue ON public.call_list USING btree (campaign_id, state, priority, attempts, id)
CREATE UNIQUE INDEX call_list_unique ON public.call_list USING btree (campaign_id, patron_id)
CREATE UNIQUE INDEX campaigns_pkey ON public.campaigns USING btree (id)
CREATE INDEX claims_caller ON public.claims USING btree (caller_id, expires_at)
CREATE INDEX claims_campaign ON public.claims USING btree (campaign_id, expires_at)
CREATE UNIQUE INDEX claims_pkey ON public.claims USING btree (id)
CREATE UNIQUE INDEX claims_unit_key_key ON public.claims USING btree (unit_key)
CREATE INDEX email_events_outbox ON public.email_events USING btree (outbox_id)
CREATE UNIQUE INDEX email_events_pkey ON public.email_events USING btree (id)
CREATE UNIQUE INDEX email_suppressions_pkey ON public.email_suppressions USING btree (address)
CREATE UNIQUE INDEX email_template_versions_pkey ON public.email_template_versions USING btree (id)
CREATE UNIQUE INDEX email_template_versions_unique ON public.email_template_versions USING btree (template_id, language)
CREATE UNIQUE INDEX email_templates_name_key ON public.email_templates USING btree (name)
CREATE UNIQUE INDEX email_templates_pkey ON public.email_templates USING btree (id)
CREATE UNIQUE INDEX email_templates_starter_key_key ON public.email_templates USING btree (starter_key)
CREATE INDEX escalation_actions_escalation ON public.escalation_actions USING btree (escalation_id, at)
CREATE UNIQUE INDEX escalation_actions_pkey ON public.escalation_actions USING btree (id)
CREATE INDEX escalations_campaign ON public.escalations USING btree (campaign_id, raised_at)
CREATE INDEX escalations_patron ON public.escalations USING btree (patron_id)
CREATE UNIQUE INDEX escalations_pkey ON public.escalations USING btree (id)
CREATE INDEX escalations_status ON public.escalations USING btree (status, raised_at)
CREATE UNIQUE INDEX households_phone_e164_key ON public.households USING btree (phone_e164)
CREATE UNIQUE INDEX households_pkey ON public.households USING btree (id)
CREATE UNIQUE INDEX import_mappings_name_key ON public.import_mappings USING btree (name)
CREATE UNIQUE INDEX import_mappings_pkey ON public.import_mappings USING btree (id)
CREATE INDEX import_problems_import ON public.import_problems USING btree (import_id, "row")
CREATE UNIQUE INDEX import_problems_pkey ON public.import_problems USING btree (id)
CREATE INDEX imports_file_sha256 ON public.imports USING btree (file_sha256)
CREATE UNIQUE INDEX imports_pkey ON public.imports USING btree (id)
CREATE INDEX login_attempts_email_at ON public.login_attempts USING btree (email, at)
CREATE INDEX login_attempts_ip_at ON public.login_attempts USING btree (ip, at)
CREATE UNIQUE INDEX login_attempts_pkey ON public.login_attempts USING btree (id)
CREATE INDEX mail_sends_at ON public.mail_sends USING btree (at)
CREATE INDEX mail_sends_outbox ON public.mail_sends USING btree (outbox_id)
CREATE UNIQUE INDEX mail_sends_pkey ON public.mail_sends USING btree (id)
CREATE INDEX mailings_campaign ON public.mailings USING btree (campaign_id)
CREATE UNIQUE INDEX mailings_pkey ON public.mailings USING btree (id)
CREATE INDEX outbox_address ON public.outbox USING btree (to_address)
CREATE INDEX outbox_campaign ON public.outbox USING btree (campaign_id, patron_id)
CREATE UNIQUE INDEX outbox_dedupe_key_key ON public.outbox USING btree (dedupe_key)
CREATE INDEX outbox_due ON public.outbox USING btree (state, next_try_at)
CREATE INDEX outbox_mailing ON public.outbox USING btree (mailing_id, state)
CREATE UNIQUE INDEX outbox_message_id_key ON public.outbox USING btree (message_id)
CREATE INDEX outbox_patron ON public.outbox USING btree (patron_id, created_at)
CREATE UNIQUE INDEX outbox_pkey ON public.outbox USING btree (id)
CREATE UNIQUE INDEX outbox_unsubscribe_token_key ON public.outbox USING btree (unsubscribe_token)
CREATE UNIQUE INDEX patrons_card_number_key ON public.patrons USING btree (card_number)
CREATE INDEX patrons_household ON public.patrons USING btree (household_id)
CREATE INDEX patrons_last_name ON public.patrons USING btree (last_name, first_name)
CREATE UNIQUE INDEX patrons_pkey ON public.patrons USING btree (id)
CREATE INDEX patrons_primary_phone ON public.patrons USING btree (primary_phone)
CREATE INDEX quotes_attempt ON public.quotes USING btree (attempt_id)
CREATE INDEX quotes_campaign ON public.quotes USING btree (campaign_id, created_at)
CREATE UNIQUE INDEX quotes_pkey ON public.quotes USING btree (id)
CREATE INDEX recurring_calls_caller ON public.recurring_calls USING btree (caller_id, status)
CREATE INDEX recurring_calls_patron ON public.recurring_calls USING btree (campaign_id, patron_id, status)
CREATE UNIQUE INDEX recurring_calls_pkey ON public.recurring_calls USING btree (id)
CREATE UNIQUE INDEX referral_services_name_key ON public.referral_services USING btree (name)
CREATE UNIQUE INDEX referral_services_pkey ON public.referral_services USING btree (id)
CREATE UNIQUE INDEX referral_services_starter_key_key ON public.referral_services USING btree (starter_key)
CREATE INDEX referrals_campaign ON public.referrals USING btree (campaign_id, created_at)
CREATE INDEX referrals_escalation ON public.referrals USING btree (escalation_id)
CREATE INDEX referrals_patron ON public.referrals USING btree (patron_id)
CREATE UNIQUE INDEX referrals_pkey ON public.referrals USING btree (id)
CREATE UNIQUE INDEX report_narratives_pkey ON public.report_narratives USING btree (id)
CREATE UNIQUE INDEX report_narratives_scope_key_key ON public.report_narratives USING btree (scope_key)
CREATE UNIQUE INDEX script_versions_pkey ON public.script_versions USING btree (id)
CREATE UNIQUE INDEX script_versions_unique ON public.script_versions USING btree (script_id, language, version)
CREATE UNIQUE INDEX scripts_pkey ON public.scripts USING btree (id)
CREATE UNIQUE INDEX services_key_key ON public.services USING btree (key)
CREATE UNIQUE INDEX services_pkey ON public.services USING btree (id)
CREATE UNIQUE INDEX sessions_pkey ON public.sessions USING btree (id)
CREATE INDEX sessions_user_id ON public.sessions USING btree (user_id)
CREATE UNIQUE INDEX settings_pkey ON public.settings USING btree (key)
CREATE UNIQUE INDEX setup_tokens_pkey ON public.setup_tokens USING btree (id)
CREATE UNIQUE INDEX sip_accounts_pkey ON public.sip_accounts USING btree (user_id)
CREATE UNIQUE INDEX task_notes_pkey ON public.task_notes USING btree (id)
CREATE INDEX task_notes_task ON public.task_notes USING btree (task_id)
CREATE INDEX tasks_campaign ON public.tasks USING btree (campaign_id, created_at)
CREATE INDEX tasks_owner ON public.tasks USING btree (owner_id, status)
CREATE UNIQUE INDEX tasks_pkey ON public.tasks USING btree (id)
CREATE INDEX tasks_status_due ON public.tasks USING btree (status, due_at)
CREATE INDEX tasks_team ON public.tasks USING btree (team_id, status)
CREATE UNIQUE INDEX team_members_pk ON public.team_members USING btree (team_id, user_id)
CREATE INDEX team_members_user ON public.team_members USING btree (user_id)
CREATE UNIQUE INDEX teams_name_key ON public.teams USING btree (name)
CREATE UNIQUE INDEX teams_pkey ON public.teams USING btree (id)
CREATE UNIQUE INDEX teams_starter_key_key ON public.teams USING btree (starter_key)
CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)
CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)
