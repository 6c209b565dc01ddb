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
login_attempts.id integer not null identity
login_attempts.email text not null
login_attempts.ip text not null
login_attempts.at timestamp with time zone not null
login_attempts.succeeded integer not null
sessions.id text not null
sessions.user_id integer not null
sessions.created_at timestamp with time zone not null
sessions.last_seen_at timestamp with time zone not null
sessions.expires_at timestamp with time zone not null
sessions.ip text
sessions.user_agent text
setup_tokens.id text not null
setup_tokens.created_at timestamp with time zone not null
setup_tokens.expires_at timestamp with time zone not null
setup_tokens.used_at timestamp with time zone
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
audit_log audit_log_pkey PRIMARY KEY (id)
login_attempts login_attempts_pkey PRIMARY KEY (id)
sessions sessions_pkey PRIMARY KEY (id)
sessions sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id) ON DELETE CASCADE
setup_tokens setup_tokens_pkey PRIMARY KEY (id)
users users_email_key UNIQUE (email)
users users_pkey PRIMARY KEY (id)
users users_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'coordinator'::text, 'caller'::text, 'viewer'::text])))
CREATE INDEX audit_log_actor ON public.audit_log USING btree (actor_id, at)
CREATE INDEX audit_log_object ON public.audit_log USING btree (object_type, object_id)
CREATE UNIQUE INDEX audit_log_pkey ON public.audit_log USING btree (id)
CREATE INDEX login_attempts_email_at ON public.login_attempts USING btree (email, at)
CREATE INDEX login_attempts_ip_at ON public.login_attempts USING btree (ip, at)
CREATE UNIQUE INDEX login_attempts_pkey ON public.login_attempts USING btree (id)
CREATE UNIQUE INDEX sessions_pkey ON public.sessions USING btree (id)
CREATE INDEX sessions_user_id ON public.sessions USING btree (user_id)
CREATE UNIQUE INDEX setup_tokens_pkey ON public.setup_tokens USING btree (id)
CREATE UNIQUE INDEX users_email_key ON public.users USING btree (email)
CREATE UNIQUE INDEX users_pkey ON public.users USING btree (id)
