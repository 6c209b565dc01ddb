import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { engineOf } from '../../db/client.js';
import type { CampaignRow, Db } from '../../db/database.js';
import type { Outcome } from '../../shared/schemas/calls.js';
import {
  FIGURE_KEYS,
  type FigureKey,
  type Figures,
  type SeriesPoint,
  type StatsFilter,
  type Stats,
} from '../../shared/schemas/results.js';

/**
 * Every figure of the results, defined once, so two screens never disagree. Each `*Query`
 * function here is the query building block of one group of figures, scoped (`figureScope`) to
 * one campaign or all of them and to a period of calendar days in the library's time zone;
 * `computeResults` runs them all and puts the answers together. The same definitions, in plain
 * words, are in docs/reference/figures.md (FIGURE_DEFINITIONS) — keep the two in step.
 *
 * Conventions:
 * - A *phone attempt* is an `attempts` row with channel `phone`: one per person per call. A call
 *   covering a household writes one attempt per person, with the same caller and the same
 *   `created_at`; so a *call* is a distinct (campaign, caller, created_at) of phone attempts.
 * - *Spoken to* is the attempt's `contact` flag (OUTCOME_FLAGS): reached, declined, do-not-call,
 *   callback.
 * - An e-mail *sent* is a campaign or follow-up message the relay accepted: outbox state `sent`,
 *   or `bounced` after being accepted (it has a `sent_at`). Test messages and notifications are
 *   never counted.
 * - The period is [from 00:00, the day after `to` 00:00) in the library's zone, as UTC instants.
 *   Each figure says which timestamp it is dated by.
 */

// ---------------------------------------------------------------------------------------------
// Labels and plain-words definitions (also the table of docs/reference/figures.md).

export interface FigureDefinition {
  /** English label, as the dashboard, report and exports show it. */
  label: string;
  /** What counts. */
  counts: string;
  /** What does not. */
  excludes: string;
}

export const FIGURE_DEFINITIONS: Readonly<Record<FigureKey, FigureDefinition>> = {
  audience: {
    label: 'Patrons on the call list',
    counts:
      'Patrons on the campaign’s call list (library-wide: distinct patrons on any call list).',
    excludes: 'Not limited to the period. Patrons matching the audience but never added.',
  },
  callsMade: {
    label: 'Calls made',
    counts:
      'Phone calls made in the period; a household call covering several patrons counts once.',
    excludes: 'E-mails. Calls claimed but never saved (skipped or released).',
  },
  patronsCalled: {
    label: 'Patrons called',
    counts: 'Distinct patrons with at least one phone attempt in the period.',
    excludes: 'Patrons only e-mailed.',
  },
  patronsReachedByPhone: {
    label: 'Patrons spoken to by phone',
    counts:
      'Distinct patrons with a phone attempt in the period where someone spoke with them: reached, declined, do-not-call or callback requested.',
    excludes: 'Voicemail, no answer, busy, wrong number, not in service, deceased.',
  },
  reachRate: {
    label: 'Reach rate',
    counts: 'Patrons spoken to by phone ÷ patrons called, between 0 and 1.',
    excludes: 'Empty (null) when nobody was called in the period.',
  },
  reached: {
    label: 'Reached',
    counts: 'Phone attempts with the outcome “reached” (one per person per call).',
    excludes: 'Other outcomes.',
  },
  voicemail: {
    label: 'Voicemail',
    counts: 'Phone attempts with the outcome “voicemail”.',
    excludes: 'Other outcomes.',
  },
  noAnswer: {
    label: 'No answer',
    counts: 'Phone attempts with the outcome “no answer”.',
    excludes: 'Other outcomes.',
  },
  busy: {
    label: 'Busy',
    counts: 'Phone attempts with the outcome “busy”.',
    excludes: 'Other outcomes.',
  },
  wrongNumber: {
    label: 'Wrong number',
    counts: 'Phone attempts with the outcome “wrong number”.',
    excludes: 'Other outcomes.',
  },
  notInService: {
    label: 'Not in service',
    counts: 'Phone attempts with the outcome “not in service”.',
    excludes: 'Other outcomes.',
  },
  declined: {
    label: 'Declined',
    counts: 'Phone attempts where the patron declined to talk (they were spoken to).',
    excludes: 'Other outcomes.',
  },
  doNotCall: {
    label: 'Asked not to be called',
    counts: 'Phone attempts where the patron asked not to be called again (they were spoken to).',
    excludes: 'Do-not-call set by staff outside a call, or brought in by an import.',
  },
  callbackRequested: {
    label: 'Callback requested',
    counts: 'Phone attempts where the patron asked to be called back (they were spoken to).',
    excludes: 'The callback call itself, which counts under its own outcome.',
  },
  emailsSent: {
    label: 'E-mails sent',
    counts:
      'Campaign and follow-up e-mails the relay accepted in the period (dated when accepted), including those that bounced later.',
    excludes: 'Queued, cancelled or refused messages; staff test messages.',
  },
  emailsDelivered: {
    label: 'E-mails delivered',
    counts: 'E-mails sent that have not bounced: sent minus bounced.',
    excludes: 'Bounced messages.',
  },
  emailsBounced: {
    label: 'E-mails bounced',
    counts:
      'E-mails sent (accepted in the period) that later came back as a hard bounce or a complaint.',
    excludes: 'Soft bounces (the relay retries them). Messages refused before acceptance.',
  },
  emailsFailed: {
    label: 'E-mails failed',
    counts:
      'Campaign and follow-up e-mails given up in the period (dated by that last try): refused by the relay, including a refused mailbox, or out of retries.',
    excludes: 'Messages still queued or being retried; cancelled messages.',
  },
  unsubscribed: {
    label: 'Unsubscribed',
    counts: 'Addresses unsubscribed in the period through a link in one of these e-mails.',
    excludes: 'Addresses already suppressed for another reason; stops recorded by staff.',
  },
  patronsEmailed: {
    label: 'Patrons e-mailed',
    counts: 'Distinct patrons with an e-mail sent (accepted) in the period.',
    excludes: 'Patrons whose only messages were refused, cancelled or still queued.',
  },
  patronsReachedAnyChannel: {
    label: 'Patrons reached (phone or e-mail)',
    counts:
      'Distinct patrons spoken to by phone, or with an e-mail delivered (sent and not bounced), in the period; counted once if both.',
    excludes: 'Unanswered calls; bounced e-mails.',
  },
  quotesCollected: {
    label: 'Quotes collected',
    counts: 'Quotes recorded on calls in the period, whatever their status.',
    excludes: 'Nothing else.',
  },
  quotesApproved: {
    label: 'Quotes approved',
    counts: 'Of the quotes collected in the period, those approved for publication.',
    excludes: 'Pending and hidden quotes.',
  },
  concerns: {
    label: 'Wellbeing concerns',
    counts: 'Phone attempts in the period where the caller recorded a wellbeing concern.',
    excludes: 'Nothing else.',
  },
  urgentConcerns: {
    label: 'Urgent concerns',
    counts: 'Concerns of the level “urgent”.',
    excludes: '“More contact” and “practical help” concerns.',
  },
  informationRequests: {
    label: 'Information requests',
    counts: 'Phone attempts in the period where the patron asked for information.',
    excludes: 'Nothing else.',
  },
  callbacksDue: {
    label: 'Callbacks due',
    counts:
      'Patrons waiting for a callback whose time has come (now, not the period), in campaigns not closed.',
    excludes: 'Callbacks booked for later; patrons no longer waiting; closed campaigns.',
  },
  tasksCreated: {
    label: 'Follow-up tasks',
    counts:
      'Follow-up tasks created in the period: information requests, links to send, help with a service, referrals to check.',
    excludes: 'Nothing else.',
  },
  tasksDone: {
    label: 'Follow-up tasks done',
    counts: 'Tasks closed as done in the period (dated by when they were closed).',
    excludes: 'Cancelled tasks.',
  },
  tasksOverdue: {
    label: 'Follow-up tasks overdue',
    counts: 'Open or in-progress tasks whose due time has passed (now, not the period).',
    excludes: 'Tasks done or cancelled; tasks not yet due.',
  },
  escalationsRaised: {
    label: 'Wellbeing escalations',
    counts:
      'Escalations raised in the period: a concern recorded on a call, or recurring calls missed several times in a row.',
    excludes: 'Nothing else.',
  },
  escalationsOpen: {
    label: 'Escalations still open',
    counts: 'Escalations not yet closed, waiting or acknowledged (now, not the period).',
    excludes: 'Closed escalations.',
  },
  referralsMade: {
    label: 'Referrals made',
    counts: 'Referrals to a community service made in the period, each with the patron’s consent.',
    excludes: 'Nothing else.',
  },
};

/** The outcome each per-outcome figure counts. */
export const OUTCOME_FIGURES = {
  reached: 'reached',
  voicemail: 'voicemail',
  noAnswer: 'no_answer',
  busy: 'busy',
  wrongNumber: 'wrong_number',
  notInService: 'not_in_service',
  declined: 'declined',
  doNotCall: 'do_not_call',
  callbackRequested: 'callback',
} as const satisfies Partial<Record<FigureKey, Outcome>>;

// ---------------------------------------------------------------------------------------------
// Calendar days in a time zone.

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: number, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? '0');
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at an instant, in minutes (Toronto: -300 in winter, -240 in summer). */
export function utcOffsetMinutes(at: Date | number, timeZone: string): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The calendar day (YYYY-MM-DD) an instant falls on in the zone. */
export function localDate(at: Date | number, timeZone: string): string {
  const w = wallClock(typeof at === 'number' ? at : at.getTime(), timeZone);
  return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** The instant a calendar day begins in the zone (its first minute, across DST changes). */
export function dayStart(date: string, timeZone: string): Date {
  const midnight = Date.parse(`${date}T00:00:00.000Z`);
  let at = midnight - utcOffsetMinutes(midnight, timeZone) * 60_000;
  const offset = utcOffsetMinutes(at, timeZone);
  at = midnight - offset * 60_000;
  return new Date(at);
}

/** A calendar day plus (or minus) some days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** The Monday starting the week of a calendar day. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00.000Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Calendar days [from, to] in the zone as UTC instants [from, until); null: open. */
export function periodOf(
  filter: StatsFilter,
  timeZone: string,
): { from: string | null; until: string | null } {
  return {
    from: filter.from === undefined ? null : dayStart(filter.from, timeZone).toISOString(),
    until: filter.to === undefined ? null : dayStart(addDays(filter.to, 1), timeZone).toISOString(),
  };
}

/** Offsets of the zone between two instants: each applies until the next one starts. */
export function offsetSegments(
  timeZone: string,
  start: number,
  end: number,
): Array<{ from: number; minutes: number }> {
  const segments = [{ from: -Infinity, minutes: utcOffsetMinutes(start, timeZone) }];
  const step = 86_400_000;
  for (let t = start; t < end; t += step) {
    const next = Math.min(t + step, end);
    const current = segments[segments.length - 1]?.minutes;
    if (utcOffsetMinutes(next, timeZone) === current) continue;
    // A change inside (t, next]: find its minute (zones change offset on whole minutes).
    let lo = Math.floor(t / 60_000);
    let hi = Math.ceil(next / 60_000);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (utcOffsetMinutes(mid * 60_000, timeZone) === current) lo = mid;
      else hi = mid;
    }
    segments.push({ from: hi * 60_000, minutes: utcOffsetMinutes(hi * 60_000, timeZone) });
  }
  return segments;
}

// ---------------------------------------------------------------------------------------------
// Scope: what the figures are about.

export interface FigureScope {
  /** One campaign; null: every campaign of the library. */
  campaignId: number | null;
  /** The calendar days asked for (library zone), both ends included; null: open. */
  fromDay: string | null;
  toDay: string | null;
  /** The same period as UTC instants: `from` included, `until` excluded; null: open. */
  from: string | null;
  until: string | null;
  /** The library's IANA time zone: days and weeks are its calendar days. */
  timeZone: string;
  /** Now (ISO): callbacks due by now. */
  now: string;
  /**
   * The instants the counted rows lie between: the period, within the campaign's life up to now
   * (library-wide: since the first campaign). SQLite has no time zones: days are bucketed with the
   * zone's offsets over this span, exact across every DST change inside it.
   */
  span: { start: string; end: string };
}

/** Builds the scope of a campaign (or of the library, `campaign` null) for a filter. */
export async function figureScope(
  db: Db,
  campaign: Pick<CampaignRow, 'id' | 'created_at'> | null,
  filter: StatsFilter,
  timeZone: string,
  now: Date,
): Promise<FigureScope> {
  const period = periodOf(filter, timeZone);
  let since = campaign?.created_at ?? null;
  if (campaign === null) {
    const first = await db
      .selectFrom('campaigns')
      .select((eb) => eb.fn.min<string | null>('created_at').as('at'))
      .executeTakeFirst();
    since = first?.at ?? null;
  }
  // Counted rows lie between the campaign's creation and now: a period reaching beyond either
  // adds no rows, only DST changes to bucket by.
  const nowIso = now.toISOString();
  const latest = (a: string | null, b: string | null) =>
    a === null ? b : b === null || a > b ? a : b;
  const earliest = (a: string | null, b: string | null) =>
    a === null ? b : b === null || a < b ? a : b;
  const start = latest(period.from, since) ?? nowIso;
  const end = earliest(period.until, nowIso) ?? nowIso;
  return {
    campaignId: campaign?.id ?? null,
    fromDay: filter.from ?? null,
    toDay: filter.to ?? null,
    from: period.from,
    until: period.until,
    timeZone,
    now: nowIso,
    span: start <= end ? { start, end } : { start: end, end: start },
  };
}

// ---------------------------------------------------------------------------------------------
// Conditions shared by the figures.

/** Rows of the scope's campaign, by a `campaign_id` column. Library-wide: every row. */
function ofCampaign(column: string, scope: FigureScope): Expression<SqlBool> {
  return scope.campaignId === null
    ? sql<SqlBool>`1 = 1`
    : sql<SqlBool>`${sql.ref(column)} = ${scope.campaignId}`;
}

/** The timestamp column falls in the period (always true when the period is open). */
function inPeriod(column: string, scope: FigureScope): Expression<SqlBool> {
  const ref = sql.ref(column);
  if (scope.from !== null && scope.until !== null)
    return sql<SqlBool>`(${ref} >= ${scope.from} and ${ref} < ${scope.until})`;
  if (scope.from !== null) return sql<SqlBool>`${ref} >= ${scope.from}`;
  if (scope.until !== null) return sql<SqlBool>`${ref} < ${scope.until}`;
  return sql<SqlBool>`${ref} is not null`;
}

/** The campaign and follow-up e-mails of the scope (never staff tests or notifications). */
export function campaignEmails(db: Db, scope: FigureScope) {
  return db
    .selectFrom('outbox')
    .where('outbox.kind', 'in', ['campaign', 'follow_up'])
    .where(ofCampaign('outbox.campaign_id', scope));
}

/** Accepted by the relay in the period: state sent or bounced-after-acceptance, dated by sent_at. */
function accepted(scope: FigureScope): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref('outbox.state')} in ('sent', 'bounced') and ${inPeriod('outbox.sent_at', scope)})`;
}

/** Delivered: accepted in the period and not bounced since. */
function delivered(scope: FigureScope): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref('outbox.state')} = 'sent' and ${inPeriod('outbox.sent_at', scope)})`;
}

/** A count as read back (numbers on both engines; null from an empty scalar subquery: 0). */
const count = (value: unknown): number => Number(value ?? 0);

/**
 * A patron id to count distinct. The unary plus changes nothing in the value but keeps SQLite
 * from reading the whole attempts_patron (or outbox_patron) index to get the ids in order — a
 * random row lookup per entry, ten times slower on a large campaign than a scan and a temp b-tree.
 */
function patronKey(column: string) {
  return sql<number>`+${sql.ref(column)}`;
}

/**
 * Phone attempts of the scope in the period (dated by created_at). A campaign reads them through
 * attempts_campaign (campaign_id, created_at). Library-wide with a period, `campaign_id in (every
 * campaign)` — always true — lets the same index serve the period, campaign by campaign.
 */
export function phoneAttempts(db: Db, scope: FigureScope) {
  let query = db
    .selectFrom('attempts')
    .where('attempts.channel', '=', 'phone')
    .where(ofCampaign('attempts.campaign_id', scope))
    .where(inPeriod('attempts.created_at', scope));
  if (scope.campaignId === null && (scope.from !== null || scope.until !== null))
    query = query.where('attempts.campaign_id', 'in', (eb) =>
      eb.selectFrom('campaigns').select('campaigns.id'),
    );
  return query;
}

/**
 * One row per phone call: a household call writes one attempt per person with the same
 * campaign, caller and created_at, so distinct (campaign_id, caller_id, created_at).
 */
export function phoneCalls(db: Db, scope: FigureScope) {
  return phoneAttempts(db, scope)
    .select(['attempts.campaign_id', 'attempts.caller_id', 'attempts.created_at'])
    .distinct();
}

// ---------------------------------------------------------------------------------------------
// Figure groups: one query each.

/**
 * callsMade, by caller and local day: the phone calls of phoneCalls, counted per (caller, day).
 * callsMade is their sum, the daily and weekly `calls` and each caller's `calls` are sums of the
 * same cells — one pass over the calls, and the four can never disagree.
 */
export function callGridQuery(db: Db, scope: FigureScope) {
  return db
    .selectFrom(
      phoneAttempts(db, scope)
        .select([
          'attempts.campaign_id',
          'attempts.caller_id',
          'attempts.created_at',
          localBucket(db, 'attempts.created_at', scope, 'day').as('day'),
        ])
        .distinct()
        .as('c'),
    )
    .select((eb) => ['c.caller_id', 'c.day', eb.fn.countAll<number>().as('calls')])
    .groupBy(['c.caller_id', 'c.day']);
}

/**
 * Phone attempts: patronsCalled, patronsReachedByPhone, one count per outcome, concerns,
 * urgentConcerns, informationRequests. (callsMade: callGridQuery.)
 */
export function callFiguresQuery(db: Db, scope: FigureScope) {
  return phoneAttempts(db, scope).select((eb) => [
    eb.fn.count<number>(patronKey('attempts.patron_id')).distinct().as('patronsCalled'),
    eb.fn
      .count<number>(patronKey('attempts.patron_id'))
      .distinct()
      .filterWhere('attempts.contact', '=', 1)
      .as('patronsReachedByPhone'),
    ...Object.entries(OUTCOME_FIGURES).map(([key, outcome]) =>
      eb.fn.countAll<number>().filterWhere('attempts.outcome', '=', outcome).as(key),
    ),
    eb.fn.countAll<number>().filterWhere('attempts.concern_level', 'is not', null).as('concerns'),
    eb.fn
      .countAll<number>()
      .filterWhere('attempts.concern_level', '=', 'urgent')
      .as('urgentConcerns'),
    eb.fn
      .countAll<number>()
      .filterWhere('attempts.info_request', 'is not', null)
      .as('informationRequests'),
  ]);
}

/**
 * E-mails: emailsSent, emailsDelivered, emailsBounced, emailsFailed, patronsEmailed, unsubscribed.
 * Reads a campaign's messages through outbox_campaign (campaign_id, patron_id).
 */
export function emailFiguresQuery(db: Db, scope: FigureScope) {
  const state = sql.ref('outbox.state');
  const failed = sql<SqlBool>`((${state} = 'failed' or (${state} = 'bounced' and ${sql.ref('outbox.sent_at')} is null)) and ${inPeriod('outbox.updated_at', scope)})`;
  const bounced = sql<SqlBool>`(${state} = 'bounced' and ${inPeriod('outbox.sent_at', scope)})`;
  return campaignEmails(db, scope)
    .where('outbox.state', 'in', ['sent', 'bounced', 'failed'])
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere(accepted(scope)).as('emailsSent'),
      eb.fn.countAll<number>().filterWhere(delivered(scope)).as('emailsDelivered'),
      eb.fn.countAll<number>().filterWhere(bounced).as('emailsBounced'),
      eb.fn.countAll<number>().filterWhere(failed).as('emailsFailed'),
      eb.fn
        .count<number>(patronKey('outbox.patron_id'))
        .distinct()
        .filterWhere(accepted(scope))
        .as('patronsEmailed'),
      eb
        .selectFrom('email_suppressions')
        .innerJoin('outbox as o', 'o.id', 'email_suppressions.outbox_id')
        .where('email_suppressions.reason', '=', 'unsubscribed')
        .where('o.kind', 'in', ['campaign', 'follow_up'])
        .where(ofCampaign('o.campaign_id', scope))
        .where(inPeriod('email_suppressions.created_at', scope))
        .select(eb.fn.countAll<number>().as('n'))
        .as('unsubscribed'),
    ]);
}

/** patronsReachedAnyChannel: spoken to by phone, or an e-mail delivered; each patron once. */
export function reachedAnyChannelQuery(db: Db, scope: FigureScope) {
  const byPhone = phoneAttempts(db, scope)
    .where('attempts.contact', '=', 1)
    .select('attempts.patron_id as patron_id');
  const byEmail = campaignEmails(db, scope)
    .where(delivered(scope))
    .where('outbox.patron_id', 'is not', null)
    .select(sql<number>`${sql.ref('outbox.patron_id')}`.as('patron_id'));
  return db
    .selectFrom(byPhone.unionAll(byEmail).as('reached'))
    .select((eb) =>
      eb.fn.count<number>(patronKey('reached.patron_id')).distinct().as('patronsReachedAnyChannel'),
    );
}

/** quotesCollected, quotesApproved: quotes recorded in the period (dated by created_at). */
export function quoteFiguresQuery(db: Db, scope: FigureScope) {
  return db
    .selectFrom('quotes')
    .where(ofCampaign('quotes.campaign_id', scope))
    .where(inPeriod('quotes.created_at', scope))
    .select((eb) => [
      eb.fn.countAll<number>().as('quotesCollected'),
      eb.fn.countAll<number>().filterWhere('quotes.status', '=', 'approved').as('quotesApproved'),
    ]);
}

/**
 * audience and callbacksDue, from the call list — not limited to the period. A campaign's read
 * call_list_queue (campaign_id, …) and call_list_callbacks (campaign_id, callback_at);
 * library-wide, the audience reads call_list_patron.
 */
export function callListFiguresQuery(db: Db, scope: FigureScope) {
  return db.selectNoFrom((eb) => [
    (scope.campaignId === null
      ? eb
          .selectFrom('call_list')
          .select((list) => list.fn.count<number>('call_list.patron_id').distinct().as('n'))
      : eb
          .selectFrom('call_list')
          .where('campaign_id', '=', scope.campaignId)
          .select(eb.fn.countAll<number>().as('n'))
    ).as('audience'),
    eb
      .selectFrom('call_list')
      .where(ofCampaign('call_list.campaign_id', scope))
      .where('call_list.callback_at', '<=', scope.now)
      .where('call_list.state', '=', 'waiting')
      // A closed campaign makes no more calls: its booked callbacks are not due any more.
      .where((w) =>
        w(
          'call_list.campaign_id',
          'in',
          w.selectFrom('campaigns').select('id').where('status', '!=', 'closed'),
        ),
      )
      .select(eb.fn.countAll<number>().as('n'))
      .as('callbacksDue'),
  ]);
}

/**
 * tasksCreated, tasksDone, escalationsRaised, referralsMade (in the period) and tasksOverdue,
 * escalationsOpen (now), of the follow-ups tied to the scope's campaign.
 */
export function followUpFiguresQuery(db: Db, scope: FigureScope) {
  return db.selectNoFrom((eb) => [
    eb
      .selectFrom('tasks')
      .where(ofCampaign('tasks.campaign_id', scope))
      .where(inPeriod('tasks.created_at', scope))
      .select(eb.fn.countAll<number>().as('n'))
      .as('tasksCreated'),
    eb
      .selectFrom('tasks')
      .where(ofCampaign('tasks.campaign_id', scope))
      .where('tasks.status', '=', 'done')
      .where(inPeriod('tasks.closed_at', scope))
      .select(eb.fn.countAll<number>().as('n'))
      .as('tasksDone'),
    eb
      .selectFrom('tasks')
      .where(ofCampaign('tasks.campaign_id', scope))
      .where('tasks.status', 'in', ['open', 'in_progress'])
      .where('tasks.due_at', '<', scope.now)
      .select(eb.fn.countAll<number>().as('n'))
      .as('tasksOverdue'),
    eb
      .selectFrom('escalations')
      .where(ofCampaign('escalations.campaign_id', scope))
      .where(inPeriod('escalations.raised_at', scope))
      .select(eb.fn.countAll<number>().as('n'))
      .as('escalationsRaised'),
    eb
      .selectFrom('escalations')
      .where(ofCampaign('escalations.campaign_id', scope))
      .where('escalations.status', '!=', 'closed')
      .select(eb.fn.countAll<number>().as('n'))
      .as('escalationsOpen'),
    eb
      .selectFrom('referrals')
      .where(ofCampaign('referrals.campaign_id', scope))
      .where(inPeriod('referrals.created_at', scope))
      .select(eb.fn.countAll<number>().as('n'))
      .as('referralsMade'),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Services told about and wanted.

/** The elements of a JSON array column, one row each (column `value`). */
function jsonElements(db: Db, column: string) {
  return engineOf(db) === 'postgres'
    ? sql<{ value: string }>`jsonb_array_elements_text(cast(${sql.ref(column)} as jsonb))`
    : sql<{ value: string }>`json_each(${sql.ref(column)})`;
}

/**
 * Per service key: distinct patrons told about it on a call in the period, and distinct patrons
 * who wanted help with it (attempts.services_told and services_wanted, JSON arrays of keys).
 */
export function serviceCountsQuery(db: Db, scope: FigureScope) {
  const part = (column: 'services_told' | 'services_wanted', kind: 'told' | 'wanted') =>
    phoneAttempts(db, scope)
      .where(`attempts.${column}`, '<>', '[]')
      .crossJoin(jsonElements(db, `attempts.${column}`).as('j'))
      .select([
        sql<string>`${sql.lit(kind)}`.as('kind'),
        sql<string>`${sql.ref('j.value')}`.as('key'),
        'attempts.patron_id as patron_id',
      ]);
  return db
    .selectFrom(part('services_told', 'told').unionAll(part('services_wanted', 'wanted')).as('s'))
    .select((eb) => [
      's.kind',
      's.key',
      eb.fn.count<number>(patronKey('s.patron_id')).distinct().as('patrons'),
    ])
    .groupBy(['s.kind', 's.key']);
}

/** The name of a service in a language, else English, else any, else its key. */
function nameIn(names: string, language: string, key: string): string {
  let parsed: Record<string, string> = {};
  try {
    parsed = JSON.parse(names) as Record<string, string>;
  } catch {
    // A damaged name falls back to the key.
  }
  const pick = (lang: string) => (parsed[lang] ?? '').trim();
  return pick(language) || pick('en') || Object.values(parsed).find((v) => v.trim()) || key;
}

async function computeServices(
  db: Db,
  scope: FigureScope,
  options: { language: string; serviceKeys: readonly string[] },
): Promise<Stats['services']> {
  const [counts, catalogue] = await Promise.all([
    serviceCountsQuery(db, scope).execute(),
    db.selectFrom('services').select(['key', 'name', 'position']).execute(),
  ]);
  const rows = new Map<string, { toldAbout: number; wanted: number }>();
  const entry = (key: string) => {
    let row = rows.get(key);
    if (row === undefined) {
      row = { toldAbout: 0, wanted: 0 };
      rows.set(key, row);
    }
    return row;
  };
  for (const key of options.serviceKeys) entry(key);
  for (const c of counts) {
    if (c.kind === 'told') entry(c.key).toldAbout = count(c.patrons);
    else entry(c.key).wanted = count(c.patrons);
  }
  const known = new Map(catalogue.map((s) => [s.key, s]));
  return [...rows.entries()]
    .map(([key, row]) => {
      const service = known.get(key);
      return {
        key,
        name: service ? nameIn(service.name, options.language, key) : key,
        position: service?.position ?? Number.MAX_SAFE_INTEGER,
        ...row,
      };
    })
    .sort((a, b) => a.position - b.position || a.key.localeCompare(b.key))
    .map(({ position: _position, ...rest }) => rest);
}

// ---------------------------------------------------------------------------------------------
// Daily and weekly series.

/**
 * The local calendar day (YYYY-MM-DD) of a timestamp column, or the Monday of its week.
 * PostgreSQL converts with `at time zone`. SQLite has no zones: the column is shifted by the
 * zone's offsets over the scope's span (a CASE over each DST change), so both engines agree.
 */
export function localBucket(
  db: Db,
  column: string,
  scope: FigureScope,
  unit: 'day' | 'week',
): RawBuilder<string> {
  const ref = sql.ref(column);
  if (engineOf(db) === 'postgres') {
    const local = sql`(${ref} at time zone cast(${scope.timeZone} as text))`;
    return unit === 'day'
      ? sql<string>`to_char(${local}, 'YYYY-MM-DD')`
      : sql<string>`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`;
  }
  const segments = offsetSegments(
    scope.timeZone,
    Date.parse(scope.span.start),
    Date.parse(scope.span.end),
  );
  const modifier = (minutes: number) => `${minutes >= 0 ? '+' : ''}${minutes} minutes`;
  let shift: RawBuilder<unknown>;
  if (segments.length === 1) {
    shift = sql`${modifier(segments[0]?.minutes ?? 0)}`;
  } else {
    const branches = segments
      .slice(1)
      .map(
        (s, i) =>
          sql`when ${ref} < ${new Date(s.from).toISOString()} then ${modifier(segments[i]?.minutes ?? 0)}`,
      );
    const last = segments[segments.length - 1]?.minutes ?? 0;
    shift = sql`(case ${sql.join(branches, sql` `)} else ${modifier(last)} end)`;
  }
  return unit === 'day'
    ? sql<string>`date(${ref}, ${shift})`
    : sql<string>`date(${ref}, ${shift}, '-6 days', 'weekday 1')`;
}

/**
 * Per day (or week): distinct patrons spoken to by phone (as patronsReachedByPhone) and e-mails
 * sent (as emailsSent). One row per metric and bucket with data. (Calls: callGridQuery.)
 */
export function seriesQuery(db: Db, scope: FigureScope, unit: 'day' | 'week') {
  const reached = db
    .selectFrom(
      phoneAttempts(db, scope)
        .where('attempts.contact', '=', 1)
        .select([
          'attempts.patron_id',
          localBucket(db, 'attempts.created_at', scope, unit).as('bucket'),
        ])
        .as('r'),
    )
    .select((eb) => [
      sql<string>`${sql.lit('patronsReached')}`.as('metric'),
      'r.bucket as bucket',
      eb.fn.count<number>(patronKey('r.patron_id')).distinct().as('n'),
    ])
    .groupBy('r.bucket');
  const emails = db
    .selectFrom(
      campaignEmails(db, scope)
        .where(accepted(scope))
        .select(localBucket(db, 'outbox.sent_at', scope, unit).as('bucket'))
        .as('e'),
    )
    .select((eb) => [
      sql<string>`${sql.lit('emailsSent')}`.as('metric'),
      'e.bucket as bucket',
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy('e.bucket');
  return reached.unionAll(emails);
}

/** The longest daily series returned; older days are left out (the figures still count them). */
export const MAX_SERIES_DAYS = 400;

type Cells = Array<{ bucket: string; metric: string; n: unknown }>;

/**
 * Daily and weekly series, every day (or Monday) between the first and last day of the period —
 * or of the data when the period is open — with zeros where nothing happened; at most the last
 * MAX_SERIES_DAYS days. Weeks start on Monday; the first and last week may be partial.
 */
function series(
  scope: FigureScope,
  grid: Array<{ day: string; calls: number }>,
  dayRows: Cells,
  weekRows: Cells,
): { daily: SeriesPoint[]; weekly: SeriesPoint[] } {
  const days = [...grid.map((c) => c.day), ...dayRows.map((r) => r.bucket)].sort();
  let start = scope.fromDay ?? days[0];
  const end = scope.toDay ?? days[days.length - 1];
  if (start === undefined || end === undefined || start > end) return { daily: [], weekly: [] };
  if (daysBetween(start, end) >= MAX_SERIES_DAYS) start = addDays(end, 1 - MAX_SERIES_DAYS);
  const points = (rows: Cells, first: string, last: string, step: number, week: boolean) => {
    const byBucket = new Map<string, SeriesPoint>();
    for (let d = first; d <= last; d = addDays(d, step))
      byBucket.set(d, { date: d, calls: 0, patronsReached: 0, emailsSent: 0 });
    for (const cell of grid) {
      const point = byBucket.get(week ? mondayOf(cell.day) : cell.day);
      if (point) point.calls += cell.calls;
    }
    for (const row of rows) {
      const point = byBucket.get(row.bucket);
      if (point === undefined) continue;
      if (row.metric === 'patronsReached') point.patronsReached = count(row.n);
      else point.emailsSent = count(row.n);
    }
    return [...byBucket.values()];
  };
  return {
    daily: points(dayRows, start, end, 1, false),
    weekly: points(weekRows, mondayOf(start), mondayOf(end), 7, true),
  };
}

// ---------------------------------------------------------------------------------------------
// Per caller.

/**
 * Per staff member: distinct patrons spoken to by phone, and e-mails sent (as emailsSent) that
 * they queued — a coordinator's campaign mailing counts for them. (Calls: callGridQuery.)
 */
export function callerActivityQuery(db: Db, scope: FigureScope) {
  const reached = phoneAttempts(db, scope)
    .where('attempts.contact', '=', 1)
    .where('attempts.caller_id', 'is not', null)
    .select((eb) => [
      sql<string>`${sql.lit('patronsReached')}`.as('metric'),
      sql<number>`${sql.ref('attempts.caller_id')}`.as('user_id'),
      eb.fn.count<number>(patronKey('attempts.patron_id')).distinct().as('n'),
    ])
    .groupBy('attempts.caller_id');
  const emails = campaignEmails(db, scope)
    .where(accepted(scope))
    .where('outbox.queued_by', 'is not', null)
    .select((eb) => [
      sql<string>`${sql.lit('emailsSent')}`.as('metric'),
      sql<number>`${sql.ref('outbox.queued_by')}`.as('user_id'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy('outbox.queued_by');
  return reached.unionAll(emails);
}

async function computeCallers(
  db: Db,
  scope: FigureScope,
  grid: Array<{ callerId: number | null; calls: number }>,
): Promise<NonNullable<Stats['callers']>> {
  const rows = await callerActivityQuery(db, scope).execute();
  const byCaller = new Map<number, NonNullable<Stats['callers']>[number]>();
  const entry = (id: number) => {
    let row = byCaller.get(id);
    if (row === undefined) {
      row = { callerId: id, name: `#${id}`, calls: 0, patronsReached: 0, emailsSent: 0 };
      byCaller.set(id, row);
    }
    return row;
  };
  for (const cell of grid) if (cell.callerId !== null) entry(cell.callerId).calls += cell.calls;
  for (const row of rows) {
    const e = entry(count(row.user_id));
    if (row.metric === 'patronsReached') e.patronsReached = count(row.n);
    else e.emailsSent = count(row.n);
  }
  if (byCaller.size === 0) return [];
  const users = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...byCaller.keys()])
    .execute();
  for (const u of users) entry(u.id).name = u.name;
  return [...byCaller.values()].sort(
    (a, b) => b.calls - a.calls || b.emailsSent - a.emailsSent || a.name.localeCompare(b.name),
  );
}

// ---------------------------------------------------------------------------------------------
// Everything, together.

export interface Results {
  figures: Figures;
  services: Stats['services'];
  daily: SeriesPoint[];
  weekly: SeriesPoint[];
  callers: Stats['callers'];
}

/**
 * Runs the figure groups for a scope and puts them together: the figures in FIGURE_KEYS order,
 * the services (named in `language`, the campaign's own `serviceKeys` listed even at zero), the
 * series and, with `callers`, each staff member's activity (else null).
 */
export async function computeResults(
  db: Db,
  scope: FigureScope,
  options: { language: string; serviceKeys: readonly string[]; callers: boolean },
): Promise<Results> {
  const [grid, calls, emails, any, quotes, list, followUps, services, dayRows, weekRows] =
    await Promise.all([
      callGridQuery(db, scope).execute(),
      callFiguresQuery(db, scope).executeTakeFirstOrThrow(),
      emailFiguresQuery(db, scope).executeTakeFirstOrThrow(),
      reachedAnyChannelQuery(db, scope).executeTakeFirstOrThrow(),
      quoteFiguresQuery(db, scope).executeTakeFirstOrThrow(),
      callListFiguresQuery(db, scope).executeTakeFirstOrThrow(),
      followUpFiguresQuery(db, scope).executeTakeFirstOrThrow(),
      computeServices(db, scope, options),
      seriesQuery(db, scope, 'day').execute(),
      seriesQuery(db, scope, 'week').execute(),
    ]);
  const cells = grid.map((c) => ({ callerId: c.caller_id, day: c.day, calls: count(c.calls) }));
  const values = {
    ...calls,
    ...emails,
    ...any,
    ...quotes,
    ...list,
    ...followUps,
  } as Record<string, unknown>;
  const figures = {} as Record<FigureKey, number | null>;
  for (const key of FIGURE_KEYS) figures[key] = count(values[key]);
  figures.callsMade = cells.reduce((sum, c) => sum + c.calls, 0);
  figures.reachRate =
    figures.patronsCalled === 0
      ? null
      : count(values.patronsReachedByPhone) / count(values.patronsCalled);
  return {
    figures: figures as Figures,
    services,
    ...series(scope, cells, dayRows, weekRows),
    callers: options.callers ? await computeCallers(db, scope, cells) : null,
  };
}
