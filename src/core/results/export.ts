import type { Writable } from 'node:stream';
import type { CampaignRow, Db } from '../../db/database.js';
import {
  FIGURE_KEYS,
  type ExportResultFormat,
  type Stats,
  type StatsQuery,
} from '../../shared/schemas/results.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { csvLine, writeXlsx, type Cell, type SheetSource } from '../exports/spreadsheet.js';
import { getLibrarySettings } from '../library/library.service.js';
import { assertRole } from '../policy.js';
import { FIGURE_DEFINITIONS, periodOf } from './figures.js';
import { computeStats, parseStatsQuery } from './stats.service.js';

/**
 * A campaign's results as a spreadsheet: one row per patron and attempt (a patron on the call list
 * never tried gets one row with the attempt columns empty). It says what happened, never what was
 * confided: no notes, no concern notes, no information-request text (TRUST PR-5) — those stay in
 * the app. Admins and coordinators only; viewers get the aggregates (the report).
 */

export type ResultsFilter = StatsQuery;

export const RESULT_COLUMNS = [
  'Campaign',
  'Card number',
  'First name',
  'Last name',
  'Channel',
  'Date and time',
  'Caller',
  'Outcome',
  'Spoken to',
  'Services told about',
  'Services wanted',
  'Callback at',
  'Concern level',
  'Information request',
  'Quote recorded',
  'E-mail status',
] as const;

/** Patrons read per query: memory stays flat however long the call list is (PERFORMANCE PA-13). */
const PAGE = 500;

interface PatronCells {
  id: number;
  card_number: string;
  first_name: string;
  last_name: string;
}

interface AttemptCells {
  id: number;
  patron_id: number;
  channel: 'phone' | 'email';
  outcome: string;
  contact: number;
  created_at: string;
  caller_name: string | null;
  services_told: string;
  services_wanted: string;
  callback_at: string | null;
  concern_level: string | null;
  info_request: string | null;
}

interface Scope {
  db: Db;
  campaign: CampaignRow;
  /** The period as UTC instants, `from` included, `until` excluded; null: open. */
  period: { from: string | null; until: string | null };
  timeZone: string;
  serviceNames: Map<string, string>;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

/** "2026-03-02 10:05" in the library's time zone. */
function localDateTime(formatter: Intl.DateTimeFormat, iso: string | null): string | null {
  if (iso === null) return null;
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function serviceList(json: string, names: Map<string, string>): string {
  let keys: unknown;
  try {
    keys = JSON.parse(json);
  } catch {
    return '';
  }
  if (!Array.isArray(keys)) return '';
  return keys
    .filter((k): k is string => typeof k === 'string')
    .map((k) => names.get(k) ?? k)
    .join('; ');
}

/** Service key → name in `language`, else English, else any name, else the key. */
async function serviceNames(db: Db, language: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('services').select(['key', 'name']).execute();
  return new Map(
    rows.map((r) => {
      const names = JSON.parse(r.name) as Record<string, string>;
      const name = names[language] || names.en || Object.values(names).find((n) => n) || r.key;
      return [r.key, name];
    }),
  );
}

/** The attempts of a page of patrons in the date range, with what their cells need. */
async function attemptsOf(
  scope: Scope,
  patronIds: number[],
): Promise<{
  attempts: AttemptCells[];
  quoted: Set<number>;
  emailStates: Map<number, string>;
}> {
  const { db, campaign, period } = scope;
  let query = db
    .selectFrom('attempts')
    .leftJoin('users', 'users.id', 'attempts.caller_id')
    .select([
      'attempts.id',
      'attempts.patron_id',
      'attempts.channel',
      'attempts.outcome',
      'attempts.contact',
      'attempts.created_at',
      'users.name as caller_name',
      'attempts.services_told',
      'attempts.services_wanted',
      'attempts.callback_at',
      'attempts.concern_level',
      'attempts.info_request',
    ])
    .where('attempts.campaign_id', '=', campaign.id)
    .where('attempts.patron_id', 'in', patronIds);
  if (period.from !== null) query = query.where('attempts.created_at', '>=', period.from);
  if (period.until !== null) query = query.where('attempts.created_at', '<', period.until);
  const attempts: AttemptCells[] = await query
    .orderBy('attempts.patron_id')
    .orderBy('attempts.created_at')
    .orderBy('attempts.id')
    .execute();
  const attemptIds = attempts.map((a) => a.id);
  const quoted = new Set<number>();
  const emailStates = new Map<number, string>();
  if (attemptIds.length > 0) {
    const quotes = await db
      .selectFrom('quotes')
      .select('attempt_id')
      .where('attempt_id', 'in', attemptIds)
      .execute();
    for (const q of quotes) quoted.add(q.attempt_id);
    if (attempts.some((a) => a.channel === 'email')) {
      // Found through the outbox's (campaign, patron) index; the newest message wins.
      const messages = await db
        .selectFrom('outbox')
        .select(['attempt_id', 'state'])
        .where('campaign_id', '=', campaign.id)
        .where('patron_id', 'in', patronIds)
        .where('attempt_id', 'is not', null)
        .orderBy('id')
        .execute();
      for (const m of messages) if (m.attempt_id !== null) emailStates.set(m.attempt_id, m.state);
    }
  }
  return { attempts, quoted, emailStates };
}

/** Patrons of the page who were tried at least once in this campaign, at any date. */
async function everTried(scope: Scope, patronIds: number[]): Promise<Set<number>> {
  const rows = await scope.db
    .selectFrom('attempts')
    .select('patron_id')
    .distinct()
    .where('campaign_id', '=', scope.campaign.id)
    .where('patron_id', 'in', patronIds)
    .execute();
  return new Set(rows.map((r) => r.patron_id));
}

async function* pageRows(
  scope: Scope,
  patrons: PatronCells[],
  formatter: Intl.DateTimeFormat,
  options: { emptyRowWhenNeverTried: boolean },
): AsyncGenerator<Cell[]> {
  const ids = patrons.map((p) => p.id);
  const { attempts, quoted, emailStates } = await attemptsOf(scope, ids);
  const byPatron = new Map<number, AttemptCells[]>();
  for (const a of attempts) {
    const list = byPatron.get(a.patron_id);
    if (list) list.push(a);
    else byPatron.set(a.patron_id, [a]);
  }
  const dated = scope.period.from !== null || scope.period.until !== null;
  const tried =
    options.emptyRowWhenNeverTried && dated
      ? await everTried(scope, ids)
      : new Set(attempts.map((a) => a.patron_id));
  for (const p of patrons) {
    const who: Cell[] = [scope.campaign.name, p.card_number, p.first_name, p.last_name];
    const own = byPatron.get(p.id) ?? [];
    if (own.length === 0) {
      if (options.emptyRowWhenNeverTried && !tried.has(p.id))
        yield [...who, ...RESULT_COLUMNS.slice(who.length).map(() => null)];
      continue;
    }
    for (const a of own) {
      yield [
        ...who,
        a.channel,
        localDateTime(formatter, a.created_at),
        a.caller_name,
        a.outcome,
        yesNo(a.contact === 1),
        serviceList(a.services_told, scope.serviceNames),
        serviceList(a.services_wanted, scope.serviceNames),
        localDateTime(formatter, a.callback_at),
        a.concern_level,
        yesNo(a.info_request !== null && a.info_request !== ''),
        yesNo(quoted.has(a.id)),
        a.channel === 'email' ? (emailStates.get(a.id) ?? null) : null,
      ];
    }
  }
}

/**
 * Every row of the export, read a page of patrons at a time in patron order: first the call list
 * (keyset on its unique (campaign, patron) index), then patrons tried in the campaign who are no
 * longer on its call list.
 */
async function* resultRows(scope: Scope, counter: { n: number }): AsyncGenerator<Cell[]> {
  const formatter = new Intl.DateTimeFormat('en-CA', {
    timeZone: scope.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const { db, campaign } = scope;
  let after = 0;
  for (;;) {
    const patrons: PatronCells[] = await db
      .selectFrom('call_list')
      .innerJoin('patrons', 'patrons.id', 'call_list.patron_id')
      .select(['patrons.id', 'patrons.card_number', 'patrons.first_name', 'patrons.last_name'])
      .where('call_list.campaign_id', '=', campaign.id)
      .where('call_list.patron_id', '>', after)
      .orderBy('call_list.patron_id')
      .limit(PAGE)
      .execute();
    if (patrons.length === 0) break;
    for await (const row of pageRows(scope, patrons, formatter, { emptyRowWhenNeverTried: true })) {
      counter.n += 1;
      yield row;
    }
    after = patrons[patrons.length - 1]?.id ?? after;
  }
  after = 0;
  for (;;) {
    const patrons: PatronCells[] = await db
      .selectFrom('patrons')
      .select(['patrons.id', 'patrons.card_number', 'patrons.first_name', 'patrons.last_name'])
      .where('patrons.id', 'in', (eb) =>
        eb
          .selectFrom('attempts')
          .select('attempts.patron_id')
          .where('attempts.campaign_id', '=', campaign.id)
          .where('attempts.patron_id', '>', after)
          .where((w) =>
            w.not(
              w.exists(
                w
                  .selectFrom('call_list')
                  .select('call_list.id')
                  .where('call_list.campaign_id', '=', campaign.id)
                  .whereRef('call_list.patron_id', '=', 'attempts.patron_id'),
              ),
            ),
          ),
      )
      .orderBy('patrons.id')
      .limit(PAGE)
      .execute();
    if (patrons.length === 0) break;
    for await (const row of pageRows(scope, patrons, formatter, {
      emptyRowWhenNeverTried: false,
    })) {
      counter.n += 1;
      yield row;
    }
    after = patrons[patrons.length - 1]?.id ?? after;
  }
}

/** The Summary sheet: the scope, every figure of the campaign, and the services table. */
function summaryRows(stats: Stats): Cell[][] {
  const { scope, figures } = stats;
  return [
    ['Campaign', scope.campaignName],
    ['From', scope.from],
    ['To', scope.to],
    ['Time zone', scope.timeZone],
    ['Generated at', scope.generatedAt],
    [],
    ...FIGURE_KEYS.map((key): Cell[] => [FIGURE_DEFINITIONS[key].label, figures[key]]),
    [],
    ['Service', 'Told about', 'Wanted'],
    ...stats.services.map((s): Cell[] => [s.name, s.toldAbout, s.wanted]),
  ];
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield await Promise.resolve(item);
}

function write(output: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (output.write(text)) {
      resolve();
      return;
    }
    const onDrain = () => {
      output.off('error', onError);
      resolve();
    };
    const onError = (error: Error) => {
      output.off('drain', onDrain);
      reject(error);
    };
    output.once('drain', onDrain);
    output.once('error', onError);
  });
}

/**
 * Checks that the actor may export this campaign's results, that it exists and that the filter is
 * valid — before anything is written, so a route can still answer with an error.
 * @throws FORBIDDEN, NOT_FOUND, VALIDATION_FAILED
 */
export async function checkResultsExport(
  ctx: Ctx,
  campaignId: number,
  filter: ResultsFilter = {},
): Promise<{ campaign: CampaignRow; query: StatsQuery }> {
  assertRole(ctx, 'admin', 'coordinator');
  const query = parseStatsQuery(filter);
  const campaign = await findCampaign(ctx.db, campaignId);
  if (!campaign) throw notFound('Campaign', campaignId);
  return { campaign, query };
}

/**
 * Streams a campaign's results to `output` as CSV (the rows) or XLSX (the rows, and a "Summary"
 * sheet with every figure of getCampaignStats and the services table). Dates and times are in
 * the library's time zone; `from`/`to` keep the attempts made on those days (patrons never tried
 * keep their one empty row). Every text cell is formula-safe (TRUST SC-7). Admins and
 * coordinators only (TRUST PR-5, SC-5); audited with the row count. `output` is ended here.
 * @returns the number of rows written (the header not counted)
 * @throws FORBIDDEN, NOT_FOUND, VALIDATION_FAILED
 */
export async function exportCampaignResults(
  ctx: Ctx,
  campaignId: number,
  format: ExportResultFormat,
  output: Writable,
  filter: ResultsFilter = {},
): Promise<number> {
  const { campaign, query } = await checkResultsExport(ctx, campaignId, filter);
  const library = await getLibrarySettings(ctx.db);
  const scope: Scope = {
    db: ctx.db,
    campaign,
    period: periodOf(query, library.timeZone),
    timeZone: library.timeZone,
    serviceNames: await serviceNames(ctx.db, query.language ?? library.defaultLanguage),
  };
  // The figures first: an error there is still an error before the first byte. The export is
  // audited below, so the figures are computed without a second audit entry.
  const stats =
    format === 'xlsx' ? await computeStats(ctx, campaign, query, { callers: false }) : null;
  const counter = { n: 0 };
  let failed = false;
  try {
    if (stats === null) {
      await write(output, `\uFEFF${csvLine(RESULT_COLUMNS)}`);
      for await (const row of resultRows(scope, counter)) await write(output, csvLine(row));
      output.end();
    } else {
      const sheets: SheetSource[] = [
        { name: 'Results', columns: RESULT_COLUMNS, rows: resultRows(scope, counter) },
        { name: 'Summary', columns: ['Figure', 'Value'], rows: each(summaryRows(stats)) },
      ];
      await writeXlsx(output, sheets);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Audited even when the stream broke: some rows may have left (TRUST SC-11).
    await recordAudit(ctx, {
      action: 'campaign.export_results',
      objectType: 'campaign',
      objectId: campaignId,
      details: {
        format,
        from: query.from ?? null,
        to: query.to ?? null,
        rows: counter.n,
        ...(failed ? { failed } : {}),
      },
    }).catch((error: unknown) => {
      if (!failed) throw error;
      ctx.log.error({ err: error }, 'could not audit a failed results export');
    });
  }
  return counter.n;
}
