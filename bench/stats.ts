// Dashboard and report queries on a million call records (PERFORMANCE PA-10). A migrated SQLite
// file (synchronous=FULL) gets 90 days of a busy library's calling — 1,000,000 attempts on four
// campaigns (one of ~600k), households, services told about and wanted, concerns, quotes, ~100k
// campaign e-mails — written with prepared statements in one transaction. Then the app's own
// computeStats runs for four scopes, timed end to end, beside the very SQL it ran (captured
// through a Kysely log hook on a second connection, parameters inlined) in the sqlite3 CLI on the
// same file, and through better-sqlite3 alone (the CLI's SQLite may be older than the app's). With a
// PostgreSQL URL, the same rows are copied there and measured against psql.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { findCampaign } from '../src/core/campaigns/campaigns.repository.js';
import { createCampaign } from '../src/core/campaigns/campaigns.service.js';
import { STARTER_SERVICE_KEYS } from '../src/core/campaigns/starter/index.js';
import { ensureStarterContent } from '../src/core/campaigns/starter-content.js';
import { silentLog, type Ctx } from '../src/core/context.js';
import { mulberry32, type Random } from '../src/core/demo/prng.js';
import { computeStats } from '../src/core/results/stats.service.js';
import { openDatabase, openSqlite, type OpenedDatabase } from '../src/db/client.js';
import type { CampaignRow, Database, Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { StatsQuery } from '../src/shared/schemas/results.js';

type Engine = 'sqlite' | 'postgres';

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export interface ScopeResult {
  engine: Engine;
  /** campaign-all, campaign-week, library-all, library-week. */
  key: string;
  label: string;
  /** computeStats, end to end, ms. */
  app: Timing;
  /** The same statements in the CLI (wall-clock less an empty run), ms. */
  reference: Timing;
  /** SQLite only: the same statements through better-sqlite3 alone (the app's SQLite), ms. */
  bare: Timing | null;
  statements: number;
  /** Per statement: its duration in the app (one logged run) and in the CLI (median), ms. */
  breakdown: Array<{ what: string; app: number; reference: number }>;
  figures: { callsMade: number; patronsCalled: number; emailsSent: number };
}

export interface DataSummary {
  attempts: number;
  phoneAttempts: number;
  largestCampaignAttempts: number;
  patrons: number;
  campaigns: number;
  outbox: number;
  quotes: number;
  concerns: number;
  fileMiB: number;
  buildSeconds: number;
}

export interface StatsBenchResult {
  data: DataSummary;
  /** SQLite library versions: the CLI's and the one bundled with better-sqlite3 (the app's). */
  versions: { cli: string; app: string; postgres: string | null };
  /** The CLI's start-up, subtracted from each reference run (median ms). */
  startup: { sqlite: number; postgres: number | null };
  results: ScopeResult[];
  postgresLoadSeconds: number | null;
}

export interface StatsBenchOptions {
  /** Attempts in all (default 1,000,000); patrons are a fifth of it. */
  attempts: number;
  /** Timed runs per scope and engine, after one warm-up. */
  repeats: number;
  /** A PostgreSQL server to create a scratch database on, or null for SQLite only. */
  postgresUrl: string | null;
  /** Told what is being done (the whole run takes minutes). */
  progress?: (message: string) => void;
}

// ---------------------------------------------------------------------------------------------
// The data: 90 days, 2 September to 30 November 2026 (Toronto changes offset on 1 November).

const DAY = 86_400_000;
const FIRST = Date.parse('2026-09-02T00:00:00.000Z');
const DAYS = 90;
const NOW = new Date('2026-12-01T15:00:00.000Z');
/** A Monday-to-Sunday week near the end, in the library's zone (the default, America/Toronto). */
const WEEK: StatsQuery = { from: '2026-11-23', to: '2026-11-29' };

interface CampaignSpec {
  name: string;
  channel: 'phone' | 'phone_then_email';
  /** Share of the patrons on its call list. */
  list: number;
  /** Share of all attempts, phone and e-mail. */
  attempts: number;
  /** Campaign e-mails queued, as a share of all attempts. */
  emails: number;
  firstDay: number;
}

const CAMPAIGNS: CampaignSpec[] = [
  {
    name: 'Fall check-in',
    channel: 'phone_then_email',
    list: 0.75,
    attempts: 0.6,
    emails: 0.06,
    firstDay: 0,
  },
  {
    name: 'Seniors wellbeing',
    channel: 'phone',
    list: 0.25,
    attempts: 0.2,
    emails: 0,
    firstDay: 20,
  },
  {
    name: 'Expired cards',
    channel: 'phone_then_email',
    list: 0.3,
    attempts: 0.13,
    emails: 0.04,
    firstDay: 40,
  },
  {
    name: 'Newcomers welcome',
    channel: 'phone',
    list: 0.1,
    attempts: 0.07,
    emails: 0,
    firstDay: 60,
  },
];

const CALLERS = 40;
const COORDINATORS = 3;
/** A call's outcome before the people on it: most calls reach nobody. */
const CALL_OUTCOMES: Array<{ value: string; weight: number }> = [
  { value: 'contact', weight: 44 },
  { value: 'voicemail', weight: 31 },
  { value: 'no_answer', weight: 16 },
  { value: 'busy', weight: 4 },
  { value: 'wrong_number', weight: 3 },
  { value: 'not_in_service', weight: 2 },
];
/** Each person on a call where someone answered. */
const CONTACT_OUTCOMES: Array<{ value: string; weight: number }> = [
  { value: 'reached', weight: 78 },
  { value: 'declined', weight: 8 },
  { value: 'callback', weight: 11 },
  { value: 'do_not_call', weight: 2 },
  { value: 'deceased', weight: 1 },
];
const CONTACT = new Set(['reached', 'declined', 'callback', 'do_not_call']);
const NOTES = [
  'Interested in the large-print e-books.',
  'Asked about curbside hours at the Maple branch.',
  'Lives alone; daughter visits on weekends.',
  'Already uses the eNewsletter.',
  '',
  '',
];
const QUOTE = 'It was so nice to hear a friendly voice today. Thank you for thinking of me.';
const TEXT_BODY = `Hello,\n\nWe miss you at the library! ${'Your card gives you e-books, audiobooks, newspapers and free programs for all ages. '.repeat(8)}\n\nTo stop these messages, follow the link below.\n`;
const HTML_BODY = `<!doctype html><html><body style="font-family:sans-serif"><table role="presentation" width="100%"><tr><td><h1>We miss you at the library</h1>${'<p>Your card gives you e-books, audiobooks, newspapers and free programs for all ages. Staff can help you get started by phone or at any branch.</p>'.repeat(14)}<p><a href="https://library.example.org/u/TOKEN">Unsubscribe</a></p></td></tr></table></body></html>`;

const iso = (ms: number) => new Date(ms).toISOString();

interface AttemptRow {
  created: number;
  campaign: number;
  patron: number;
  caller: number;
  channel: 'phone' | 'email';
  outcome: string;
  servicesTold: string;
  servicesWanted: string;
  note: string;
  concern: string | null;
  info: string | null;
  quote: 'pending' | 'approved' | 'hidden' | null;
  /** An e-mail attempt: the index of its message in the day's outbox rows. */
  message: number | null;
}

interface MessageRow {
  campaign: number;
  patron: number;
  kind: 'campaign' | 'follow_up';
  state: 'sent' | 'bounced' | 'failed' | 'queued' | 'cancelled';
  queuedAt: number;
  /** When the relay accepted it (sent, and bounced after acceptance). */
  sentAt: number | null;
  updatedAt: number;
  queuedBy: number;
  attemptId: number | null;
  unsubscribed: boolean;
}

/** States of a campaign mailing's messages, by message number modulo 100. */
function messageState(i: number): { state: MessageRow['state']; accepted: boolean } {
  const k = i % 100;
  if (k < 88) return { state: 'sent', accepted: true };
  if (k < 91) return { state: 'bounced', accepted: true };
  if (k < 92) return { state: 'bounced', accepted: false };
  if (k < 95) return { state: 'failed', accepted: false };
  if (k < 97) return { state: 'queued', accepted: false };
  return { state: 'cancelled', accepted: false };
}

function weighted(random: Random, items: Array<{ value: string; weight: number }>): string {
  return random.weighted(items).value;
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/**
 * Builds the data set in `file`: the app's own path for what is cheap (migrations, starter
 * content, campaigns), prepared statements in one transaction for the bulk.
 */
export async function buildStatsData(file: string, total: number): Promise<DataSummary> {
  const started = performance.now();
  const random = mulberry32(10);
  const patrons = Math.round(total / 5);
  const opened = openDatabase({ engine: 'sqlite', file, synchronous: 'FULL' });
  const campaignIds: number[] = [];
  try {
    const system: Ctx = { db: opened.db, actor: null, now: () => new Date(FIRST), log: silentLog };
    await migrateToLatest(opened.db);
    await ensureStarterContent(system);
    for (const spec of CAMPAIGNS) {
      const at = FIRST + (spec.firstDay - 3) * DAY + 14 * 3_600_000;
      const campaign = await createCampaign(
        { ...system, now: () => new Date(at) },
        {
          name: spec.name,
          purpose: 'Check in with patrons and tell them about library services.',
          legalAuthority: 'Public Libraries Act',
          contact: 'outreach@library.example.org',
          channel: spec.channel,
          serviceKeys: [...STARTER_SERVICE_KEYS],
        },
      );
      campaignIds.push(campaign.id);
    }
  } finally {
    await opened.close();
  }

  const raw = openSqlite(file, 'FULL');
  let summary: Omit<DataSummary, 'fileMiB' | 'buildSeconds'>;
  try {
    summary = raw.transaction(() => fill(raw, random, total, patrons, campaignIds))();
    raw.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    raw.close();
  }
  return {
    ...summary,
    fileMiB: fs.statSync(file).size / 1024 / 1024,
    buildSeconds: (performance.now() - started) / 1000,
  };
}

function fill(
  raw: SQLite.Database,
  random: Random,
  total: number,
  patronCount: number,
  campaignIds: number[],
): Omit<DataSummary, 'fileMiB' | 'buildSeconds'> {
  const created = iso(FIRST - 200 * DAY);
  const insertUser = raw.prepare(
    `insert into users (id, email, name, role, language, password_hash, password_changed_at, created_at, updated_at)
     values (?, ?, ?, ?, 'en', 'not-a-hash', ?, ?, ?)`,
  );
  const userBase = (
    raw.prepare('select coalesce(max(id), 0) as n from users').get() as { n: number }
  ).n;
  const callerId = (i: number) => userBase + COORDINATORS + 1 + i;
  const coordinatorId = (i: number) => userBase + 1 + i;
  for (let i = 0; i < COORDINATORS; i += 1)
    insertUser.run(
      coordinatorId(i),
      `coordinator${i}@library.example.org`,
      `Coordinator ${i}`,
      'coordinator',
      created,
      created,
      created,
    );
  for (let i = 0; i < CALLERS; i += 1)
    insertUser.run(
      callerId(i),
      `caller${i}@library.example.org`,
      `Caller ${String(i).padStart(2, '0')}`,
      'caller',
      created,
      created,
      created,
    );

  // Patrons, about a quarter of them in households of two or three sharing a phone.
  const insertHousehold = raw.prepare(
    'insert into households (id, phone_e164, created_at) values (?, ?, ?)',
  );
  const insertPatron = raw.prepare(
    `insert into patrons (id, card_number, first_name, last_name, birth_date, language, branch, patron_type,
       status, region, tags, phones, emails, primary_phone, household_id, email_consent, email_consent_at,
       content_hash, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'MAPL', 'ADULT', ?, 'ON', '[]', ?, ?, ?, ?, ?, ?, 'bench', ?, ?)`,
  );
  const units: number[][] = [];
  let household = 0;
  for (let id = 1; id <= patronCount;) {
    const size = random.chance(0.12) ? (random.chance(0.8) ? 2 : 3) : 1;
    const members: number[] = [];
    const householdId = size > 1 ? ++household : null;
    const phone = `+1416${String(5_000_000 + id).padStart(7, '0')}`;
    if (householdId !== null) insertHousehold.run(householdId, phone, created);
    for (let k = 0; k < size && id <= patronCount; k += 1, id += 1) {
      members.push(id);
      insertPatron.run(
        id,
        `29003${String(10_000_000 + id)}`,
        `Patron${id}`,
        `Family${householdId ?? id}`,
        `19${random.int(30, 99)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
        random.chance(0.85) ? 'en' : 'fr',
        random.chance(0.9) ? 'active' : 'expired',
        JSON.stringify([{ kind: 'home', raw: phone, e164: phone, extension: null, valid: true }]),
        JSON.stringify([`patron${id}@example.org`]),
        phone,
        householdId,
        random.chance(0.7) ? 'implied' : null,
        null,
        created,
        created,
      );
    }
    units.push(members);
  }

  // Call lists: each campaign draws whole units; ids in (campaign, patron) order as a launch does.
  const insertListRow = raw.prepare(
    `insert into call_list (id, campaign_id, patron_id, household_id, priority, state, attempts, added_at,
       callback_at, last_outcome)
     values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)`,
  );
  const householdOf = new Int32Array(patronCount + 1);
  for (const unit of units) if (unit.length > 1) for (const p of unit) householdOf[p] = unit[0]!;
  const lists: number[][][] = [];
  const listId = campaignIds.map(() => new Int32Array(patronCount + 1));
  let nextListId = 1;
  CAMPAIGNS.forEach((spec, c) => {
    const chosen = units.filter(() => random.chance(spec.list));
    lists.push(chosen);
    const addedAt = iso(FIRST + spec.firstDay * DAY);
    for (const unit of chosen)
      for (const patron of unit) {
        const roll = random.next();
        const state = roll < 0.65 ? 'done' : roll < 0.93 ? 'waiting' : 'email';
        const callback =
          state === 'waiting' && random.chance(0.06)
            ? iso(NOW.getTime() + random.int(-5, 5) * DAY)
            : null;
        listId[c]![patron] = nextListId;
        insertListRow.run(
          nextListId++,
          campaignIds[c],
          patron,
          householdOf[patron] === 0 ? null : householdOf[patron],
          state,
          random.int(0, 4),
          addedAt,
          callback,
          state === 'done' ? 'reached' : null,
        );
      }
  });
  const activate = raw.prepare(
    "update campaigns set status = 'active', launched_at = ?, script_id = null where id = ?",
  );
  CAMPAIGNS.forEach((spec, c) => activate.run(iso(FIRST + spec.firstDay * DAY), campaignIds[c]));

  const insertAttempt = raw.prepare(
    `insert into attempts (id, campaign_id, call_list_id, patron_id, caller_id, channel, outcome, contact,
       started_at, ended_at, answers, services_told, services_wanted, note, concern_level, concern_note,
       info_request, callback_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertQuote = raw.prepare(
    `insert into quotes (attempt_id, campaign_id, patron_id, text, consent, attribution, status, created_at)
     values (?, ?, ?, ?, 1, 'first_name', ?, ?)`,
  );
  const insertMessage = raw.prepare(
    `insert into outbox (id, message_id, kind, dedupe_key, campaign_id, patron_id, attempt_id, to_address,
       language, class, subject, html, text, headers, unsubscribe_token, state, tries, next_try_at,
       last_error, queued_by, created_at, updated_at, sent_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, 'We miss you at the library', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertSuppression = raw.prepare(
    `insert or ignore into email_suppressions (address, reason, detail, outbox_id, created_at)
     values (?, ?, null, ?, ?)`,
  );

  // Per campaign: phone attempts a day, and the mailing days (every week, from its third).
  const plans = CAMPAIGNS.map((spec, c) => {
    const days = DAYS - spec.firstDay;
    const messages = Math.round(spec.emails * total);
    const mailingDays: number[] = [];
    for (let d = spec.firstDay + 14; d < DAYS; d += 7) mailingDays.push(d);
    const perMailing = mailingDays.length === 0 ? 0 : Math.ceil(messages / mailingDays.length);
    const emailAttempts = Math.round(messages * 0.91);
    return {
      c,
      days,
      messages,
      mailingDays,
      perMailing,
      // Each reached attempt (~34 % of phone attempts) brings a follow-up e-mail 1.6 % of the time.
      phonePerDay: (spec.attempts * total - emailAttempts) / (1 + 0.34 * 0.016) / days,
      mailed: shuffle(random, lists[c]!.flat()),
      mailedNext: 0,
      messageNumber: 0,
      due: 0,
    };
  });

  let attemptId = 0;
  let messageId = 0;
  let phoneAttempts = 0;
  let quotes = 0;
  let concerns = 0;
  const perCampaign = campaignIds.map(() => 0);
  for (let day = 0; day < DAYS; day += 1) {
    const dayStart = FIRST + day * DAY;
    const rows: AttemptRow[] = [];
    const messages: MessageRow[] = [];
    for (const plan of plans) {
      const spec = CAMPAIGNS[plan.c]!;
      if (day < spec.firstDay) continue;
      const list = lists[plan.c]!;
      // Phone calls between 09:00 and 21:00 local (13:00–01:00 UTC), a household in one call.
      plan.due += plan.phonePerDay;
      while (plan.due >= 1) {
        const unit = random.pick(list);
        const at = dayStart + 13 * 3_600_000 + Math.floor(random.next() * 12 * 3_600_000);
        const caller = callerId(random.int(0, CALLERS - 1));
        const call = weighted(random, CALL_OUTCOMES);
        for (const patron of unit) {
          const outcome = call === 'contact' ? weighted(random, CONTACT_OUTCOMES) : call;
          const reached = outcome === 'reached';
          const told = reached ? STARTER_SERVICE_KEYS.filter(() => random.chance(0.25)) : [];
          const concern = reached && random.chance(0.03);
          rows.push({
            created: at,
            campaign: plan.c,
            patron,
            caller,
            channel: 'phone',
            outcome,
            servicesTold: JSON.stringify(told),
            servicesWanted: JSON.stringify(told.filter(() => random.chance(0.3))),
            note: reached ? random.pick(NOTES) : '',
            concern: concern ? (random.chance(0.1) ? 'urgent' : 'more_contact') : null,
            info: reached && random.chance(0.05) ? 'Asked how to borrow e-books.' : null,
            quote:
              reached && random.chance(0.02)
                ? random.pick(['pending', 'approved', 'hidden'] as const)
                : null,
            message: null,
          });
          // A follow-up e-mail after a call now and then, sent a few minutes later.
          if (reached && random.chance(0.016)) {
            const sentAt = at + random.int(60_000, 600_000);
            messages.push({
              campaign: plan.c,
              patron,
              kind: 'follow_up',
              state: 'sent',
              queuedAt: at,
              sentAt,
              updatedAt: sentAt,
              queuedBy: caller,
              attemptId: null,
              unsubscribed: false,
            });
            rows.push(emailAttempt(plan.c, patron, caller, sentAt, messages.length - 1));
          }
          plan.due -= 1;
        }
      }
      // A mailing: queued at 08:00 UTC, sent through the day within the relay quota.
      if (plan.mailingDays.includes(day)) {
        const queuedBy = coordinatorId(plan.c % COORDINATORS);
        const queuedAt = dayStart + 8 * 3_600_000;
        const count = Math.min(plan.perMailing, plan.messages - plan.messageNumber);
        for (let i = 0; i < count; i += 1) {
          const patron = plan.mailed[plan.mailedNext++ % plan.mailed.length]!;
          const { state, accepted } = messageState(plan.messageNumber++);
          const tried = queuedAt + Math.floor((i / count) * 14 * 3_600_000);
          const sentAt = accepted ? tried : null;
          messages.push({
            campaign: plan.c,
            patron,
            kind: 'campaign',
            state,
            queuedAt,
            sentAt,
            updatedAt:
              state === 'bounced' && accepted
                ? tried + 3_600_000
                : state === 'queued' || state === 'cancelled'
                  ? queuedAt
                  : tried,
            queuedBy,
            attemptId: null,
            unsubscribed: state === 'sent' && random.chance(0.01),
          });
          if (sentAt !== null)
            rows.push(emailAttempt(plan.c, patron, queuedBy, sentAt, messages.length - 1));
        }
      }
    }
    // The day's attempts in the order they were saved, ids rising with time as in a real library.
    rows.sort((a, b) => a.created - b.created);
    for (const row of rows) {
      attemptId += 1;
      const created = iso(row.created);
      const c = row.campaign;
      const contact = CONTACT.has(row.outcome) ? 1 : 0;
      insertAttempt.run(
        attemptId,
        campaignIds[c],
        listId[c]![row.patron] || null,
        row.patron,
        row.caller,
        row.channel,
        row.outcome,
        contact,
        row.channel === 'phone' ? iso(row.created - 240_000) : created,
        created,
        row.outcome === 'reached' ? '{"q1":"yes","q2":"Reads mostly mysteries"}' : '{}',
        row.servicesTold,
        row.servicesWanted,
        row.note,
        row.concern,
        row.concern === null ? null : 'Sounded lonely; would like a weekly call.',
        row.info,
        row.outcome === 'callback' ? iso(row.created + 2 * DAY) : null,
        created,
      );
      perCampaign[c]! += 1;
      if (row.channel === 'phone') phoneAttempts += 1;
      if (row.concern !== null) concerns += 1;
      if (row.quote !== null) {
        insertQuote.run(attemptId, campaignIds[c], row.patron, QUOTE, row.quote, created);
        quotes += 1;
      }
      if (row.message !== null) messages[row.message]!.attemptId = attemptId;
    }
    // The day's messages in the order they were queued.
    const order = messages
      .map((m, i) => i)
      .sort((a, b) => messages[a]!.queuedAt - messages[b]!.queuedAt);
    for (const i of order) {
      const m = messages[i]!;
      messageId += 1;
      const token = `u${messageId}${randomToken(random)}`;
      const address = `patron${m.patron}@example.org`;
      insertMessage.run(
        messageId,
        `<bench-${messageId}@library.example.org>`,
        m.kind,
        m.kind === 'campaign'
          ? `mailing:${campaignIds[m.campaign]}:${m.patron}:${messageId}`
          : null,
        campaignIds[m.campaign],
        m.patron,
        m.attemptId,
        address,
        m.kind === 'campaign' ? 'promotional' : 'transactional',
        HTML_BODY.replace('TOKEN', token),
        TEXT_BODY,
        JSON.stringify([['List-Unsubscribe', `<https://library.example.org/u/${token}>`]]),
        token,
        m.state,
        m.state === 'queued' || m.state === 'cancelled' ? 0 : 1,
        iso(m.queuedAt),
        m.state === 'failed' ? '550 5.1.1 mailbox unavailable' : null,
        m.queuedBy,
        iso(m.queuedAt),
        iso(m.updatedAt),
        m.sentAt === null ? null : iso(m.sentAt),
      );
      if (m.state === 'bounced' && m.sentAt !== null)
        insertSuppression.run(address, 'hard_bounce', messageId, iso(m.updatedAt));
      if (m.unsubscribed)
        insertSuppression.run(address, 'unsubscribed', messageId, iso((m.sentAt ?? 0) + DAY / 3));
    }
  }
  // Staff test messages and notifications: never counted, but in the table.
  for (let i = 0; i < 500; i += 1) {
    messageId += 1;
    const at = iso(FIRST + random.int(0, DAYS - 1) * DAY + 15 * 3_600_000);
    insertMessage.run(
      messageId,
      `<bench-${messageId}@library.example.org>`,
      i % 2 === 0 ? 'test' : 'notification',
      null,
      i % 2 === 0 ? campaignIds[0] : null,
      null,
      null,
      'staff@library.example.org',
      'transactional',
      HTML_BODY,
      TEXT_BODY,
      '[]',
      null,
      'sent',
      1,
      at,
      null,
      coordinatorId(0),
      at,
      at,
      at,
    );
  }
  return {
    attempts: attemptId,
    phoneAttempts,
    largestCampaignAttempts: Math.max(...perCampaign),
    patrons: patronCount,
    campaigns: campaignIds.length,
    outbox: messageId,
    quotes,
    concerns,
  };
}

function emailAttempt(
  campaign: number,
  patron: number,
  caller: number,
  sentAt: number,
  message: number,
): AttemptRow {
  return {
    created: sentAt,
    campaign,
    patron,
    caller,
    channel: 'email',
    outcome: 'email_sent',
    servicesTold: '[]',
    servicesWanted: '[]',
    note: '',
    concern: null,
    info: null,
    quote: null,
    message,
  };
}

function randomToken(random: Random): string {
  return Math.floor(random.next() * 2 ** 48).toString(36);
}

// ---------------------------------------------------------------------------------------------
// The SQL the app runs, with its parameters written in, for the CLIs.

function literal(value: unknown, engine: Engine): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean')
    return engine === 'sqlite' ? (value ? '1' : '0') : value ? 'true' : 'false';
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`cannot write ${typeof value} into SQL`);
}

/** Replaces `?` (SQLite) or `$n` (PostgreSQL) outside quoted strings and names with literals. */
export function inlineParameters(
  text: string,
  parameters: readonly unknown[],
  engine: Engine,
): string {
  let out = '';
  let quote: string | null = null;
  let next = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    if (quote !== null) {
      out += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (engine === 'sqlite' && ch === '?') {
      if (next >= parameters.length) throw new Error('more placeholders than parameters');
      out += literal(parameters[next++], engine);
    } else if (engine === 'postgres' && ch === '$' && /\d/.test(text.charAt(i + 1))) {
      const digits = /^\d+/.exec(text.slice(i + 1))?.[0] ?? '';
      out += literal(parameters[Number(digits) - 1], engine);
      i += digits.length;
    } else {
      out += ch;
    }
  }
  if (engine === 'sqlite' && next !== parameters.length)
    throw new Error('fewer placeholders than parameters');
  return out;
}

/** Which figure group a captured statement is (for the per-statement breakdown). */
function statementName(text: string): string {
  const has = (s: string) => text.includes(s);
  if (has('from "settings"')) return 'library settings';
  if (has('from "campaigns"') && has('min(')) return 'scope: first campaign';
  if (has('"calls"') && has('"c"."day"')) return 'callGrid';
  if (has('"patronsCalled"')) return 'callFigures';
  if (has('"emailsSent"') && has('"unsubscribed"')) return 'emailFigures';
  if (has('"patronsReachedAnyChannel"')) return 'reachedAnyChannel';
  if (has('"quotesCollected"')) return 'quoteFigures';
  if (has('"audience"')) return 'callListFigures';
  if (has('json_each') || has('jsonb_array_elements_text')) return 'serviceCounts';
  if (has('from "services"')) return 'services catalogue';
  if (has('"user_id"')) return 'callerActivity';
  if (has('"bucket"')) return has('weekday 1') || has("'week'") ? 'series (week)' : 'series (day)';
  if (has('from "users"')) return 'staff names';
  return text.slice(0, 40);
}

// ---------------------------------------------------------------------------------------------
// Timing.

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function timing(values: number[]): Timing {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: values.length };
}

const median = (values: number[]) => timing(values).p50;

interface Scope {
  key: string;
  label: string;
  campaign: boolean;
  query: StatsQuery;
}

const SCOPES: Scope[] = [
  { key: 'campaign-all', label: 'largest campaign, all time', campaign: true, query: {} },
  {
    key: 'campaign-week',
    label: `largest campaign, one week (${WEEK.from ?? ''} to ${WEEK.to ?? ''})`,
    campaign: true,
    query: WEEK,
  },
  { key: 'library-all', label: 'library-wide, all time', campaign: false, query: {} },
  { key: 'library-week', label: 'library-wide, one week', campaign: false, query: WEEK },
];

interface Reference {
  /** Runs a script of statements; returns wall-clock ms and each statement's own time. */
  run(script: string): { ms: number; statements: number[] };
}

function sqliteCli(file: string): Reference {
  return {
    run(script) {
      const started = performance.now();
      const result = spawnSync('sqlite3', [file], {
        input: `.timer on\n${script}`,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const ms = performance.now() - started;
      if (result.status !== 0 || result.stderr !== '')
        throw new Error(`sqlite3 failed: ${result.stderr}`);
      const statements = [...result.stdout.matchAll(/^Run Time: real ([\d.]+)/gm)].map(
        (m) => Number(m[1]) * 1000,
      );
      return { ms, statements };
    },
  };
}

function psql(url: string): Reference {
  return {
    run(script) {
      const started = performance.now();
      const result = spawnSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1'], {
        input: `\\timing on\n\\o /dev/null\n${script}`,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const ms = performance.now() - started;
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      const statements = [...result.stdout.matchAll(/^Time: ([\d.]+) ms/gm)].map((m) =>
        Number(m[1]),
      );
      return { ms, statements };
    },
  };
}

/** computeStats as the dashboard runs it for a coordinator (figures, services, series, callers). */
async function dashboard(db: Db, campaign: CampaignRow | null, query: StatsQuery) {
  const ctx: Ctx = { db, actor: null, now: () => NOW, log: silentLog };
  return computeStats(ctx, campaign, query, { callers: true });
}

/** Runs the statements, prepared and bound as Kysely's SQLite driver does, on a bare connection. */
function bareSqlite(database: SQLite.Database): (queries: CompiledQuery[]) => number {
  return (queries) => {
    const started = performance.now();
    for (const q of queries) database.prepare(q.sql).all(...q.parameters);
    return performance.now() - started;
  };
}

async function measureEngine(
  engine: Engine,
  app: OpenedDatabase,
  logged: { db: Kysely<Database>; captured: Array<{ query: CompiledQuery; ms: number }> },
  reference: Reference,
  bare: ((queries: CompiledQuery[]) => number) | null,
  repeats: number,
  progress: (message: string) => void,
): Promise<{ startup: number; results: ScopeResult[] }> {
  const startup = median(Array.from({ length: Math.max(5, repeats) }, () => reference.run('').ms));
  const largest = await app.db
    .selectFrom('attempts')
    .select('campaign_id')
    .groupBy('campaign_id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const results: ScopeResult[] = [];
  for (const scope of SCOPES) {
    progress(`${engine}: ${scope.label}`);
    const campaign = scope.campaign
      ? ((await findCampaign(app.db, largest.campaign_id)) ?? null)
      : null;
    // The statements, as the app ran them, from the logged twin of its connection.
    logged.captured.length = 0;
    await dashboard(logged.db, campaign, scope.query);
    const captured = [...logged.captured];
    const script = captured
      .map((c) => `${inlineParameters(c.query.sql, c.query.parameters, engine)};\n`)
      .join('');
    const appRuns: number[] = [];
    const refRuns: number[] = [];
    const bareRuns: number[] = [];
    const perStatement: number[][] = captured.map(() => []);
    let figures: ScopeResult['figures'] = { callsMade: 0, patronsCalled: 0, emailsSent: 0 };
    for (let i = 0; i <= repeats; i += 1) {
      // Alternate app and reference, so a busy moment on the machine falls on both.
      const started = performance.now();
      const stats = await dashboard(app.db, campaign, scope.query);
      const appMs = performance.now() - started;
      const ref = reference.run(script);
      const bareMs = bare?.(captured.map((c) => c.query));
      if (ref.statements.length !== captured.length)
        throw new Error(`${engine}: ${ref.statements.length} timings for ${captured.length}`);
      if (i === 0) {
        figures = {
          callsMade: stats.figures.callsMade,
          patronsCalled: stats.figures.patronsCalled,
          emailsSent: stats.figures.emailsSent,
        };
        continue; // the warm-up
      }
      appRuns.push(appMs);
      refRuns.push(Math.max(0, ref.ms - startup));
      if (bareMs !== undefined) bareRuns.push(bareMs);
      ref.statements.forEach((ms, k) => perStatement[k]?.push(ms));
    }
    results.push({
      engine,
      key: scope.key,
      label: scope.label,
      app: timing(appRuns),
      reference: timing(refRuns),
      bare: bareRuns.length === 0 ? null : timing(bareRuns),
      statements: captured.length,
      breakdown: captured.map((c, k) => ({
        what: statementName(c.query.sql),
        app: c.ms,
        reference: median(perStatement[k] ?? []),
      })),
      figures,
    });
  }
  return { startup, results };
}

function loggedKysely(dialect: SqliteDialect | PostgresDialect) {
  const captured: Array<{ query: CompiledQuery; ms: number }> = [];
  const db = new Kysely<Database>({
    dialect,
    log: (event) => {
      if (event.level === 'query')
        captured.push({ query: event.query, ms: event.queryDurationMillis });
    },
  });
  return { db, captured };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL: the same rows, copied with psql \copy from the CLI's CSV.

const PG_TABLES = [
  'users',
  'settings',
  'services',
  'households',
  'patrons',
  'campaigns',
  'call_list',
  'attempts',
  'quotes',
  'outbox',
  'email_suppressions',
];

async function pgAdmin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function loadPostgres(sqliteFile: string, url: string, work: string): Promise<number> {
  const started = performance.now();
  const opened = openDatabase({ engine: 'postgres', url, poolMax: 2 });
  try {
    await migrateToLatest(opened.db);
  } finally {
    await opened.close();
  }
  for (const table of PG_TABLES) {
    const columns = execFileSync(
      'sqlite3',
      [sqliteFile, `select name from pragma_table_info('${table}')`],
      {
        encoding: 'utf8',
      },
    )
      .trim()
      .split('\n')
      .map((c) => `"${c}"`)
      .join(', ');
    const csv = path.join(work, `${table}.csv`);
    const out = fs.openSync(csv, 'w');
    try {
      const result = spawnSync(
        'sqlite3',
        ['-csv', sqliteFile, `select ${columns} from "${table}"`],
        {
          stdio: ['ignore', out, 'pipe'],
        },
      );
      if (result.status !== 0)
        throw new Error(`export of ${table} failed: ${String(result.stderr)}`);
    } finally {
      fs.closeSync(out);
    }
    execFileSync('psql', [
      url,
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `\\copy "${table}" (${columns}) from '${csv}' with (format csv)`,
    ]);
    fs.rmSync(csv);
  }
  // What autovacuum does on its own within a minute of a bulk load.
  execFileSync('psql', [url, '-X', '-q', '-c', 'vacuum analyze']);
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------

/** Builds the data in `work`, measures every scope on SQLite (and PostgreSQL), cleans up. */
export async function benchStats(
  work: string,
  options: StatsBenchOptions,
): Promise<StatsBenchResult> {
  const progress = options.progress ?? (() => {});
  fs.mkdirSync(work, { recursive: true });
  const file = path.join(work, 'stats.db');
  progress(`building ${options.attempts.toLocaleString('en-CA')} attempts`);
  const data = await buildStatsData(file, options.attempts);
  const results: ScopeResult[] = [];
  let startupPg: number | null = null;
  let postgresLoadSeconds: number | null = null;

  const app = openDatabase({ engine: 'sqlite', file, synchronous: 'FULL' });
  const logged = loggedKysely(new SqliteDialect({ database: openSqlite(file, 'FULL') }));
  const bare = openSqlite(file, 'FULL');
  const versions = {
    cli: execFileSync('sqlite3', ['--version'], { encoding: 'utf8' }).split(' ')[0] ?? '?',
    app: (bare.prepare('select sqlite_version() as v').get() as { v: string }).v,
    postgres: null as string | null,
  };
  let startup: number;
  try {
    const run = await measureEngine(
      'sqlite',
      app,
      logged,
      sqliteCli(file),
      bareSqlite(bare),
      options.repeats,
      progress,
    );
    startup = run.startup;
    results.push(...run.results);
  } finally {
    bare.close();
    await logged.db.destroy();
    await app.close();
  }

  if (options.postgresUrl !== null) {
    const name = `od_bench_${randomBytes(4).toString('hex')}`;
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    await pgAdmin(options.postgresUrl, `create database ${name}`);
    try {
      progress('copying the data to PostgreSQL');
      postgresLoadSeconds = await loadPostgres(file, url.toString(), work);
      versions.postgres =
        execFileSync('psql', [url.toString(), '-X', '-At', '-c', 'show server_version'], {
          encoding: 'utf8',
        }).split(' ')[0] ?? '?';
      const pgApp = openDatabase({ engine: 'postgres', url: url.toString(), poolMax: 10 });
      const pgLogged = loggedKysely(
        new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 10 }) }),
      );
      try {
        const run = await measureEngine(
          'postgres',
          pgApp,
          pgLogged,
          psql(url.toString()),
          null,
          options.repeats,
          progress,
        );
        startupPg = run.startup;
        results.push(...run.results);
      } finally {
        await pgLogged.db.destroy();
        await pgApp.close();
      }
    } finally {
      await pgAdmin(options.postgresUrl, `drop database if exists ${name} with (force)`);
    }
  }
  for (const f of fs.readdirSync(work)) fs.rmSync(path.join(work, f), { force: true });
  return {
    data,
    versions,
    startup: { sqlite: startup, postgres: startupPg },
    results,
    postgresLoadSeconds,
  };
}
