import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Db, ImportRow } from '../../../db/database.js';
import { recordAudit } from '../../audit/audit.service.js';
import { inTransaction, type Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { assertRole } from '../../policy.js';
import { recomputeHouseholds } from '../households.js';
import { applyBatch } from './apply-batch.js';
import type { ParsedBatch } from './parse.js';
import { parseInWorker } from './parse-in-worker.js';
import { headerProblems, planFile, unreadable, type ImportPlan } from './plan.js';
import type { SpreadsheetRead } from './readers/index.js';
import type { FieldMapping, FileFormat, ImportProblem } from './types.js';

export const IMPORT_BATCH_SIZE = 500;
/** Problems kept per import; past this only the counts grow (a broken file must not fill the disk). */
export const MAX_STORED_PROBLEMS = 10_000;
/** A running import whose heartbeat is older than this has died (its process was killed). */
export const IMPORT_HEARTBEAT_TIMEOUT_MS = 30_000;

export interface ImportPatronsOptions {
  /** Where the uploaded file is on disk. */
  filePath: string;
  /** The name the coordinator knows it by. */
  fileName: string;
  format?: FileFormat | undefined;
  sheet?: string | undefined;
  /** A layout id; detected from the headers when absent. */
  layout?: string | undefined;
  /** The coordinator's own choices, over the layout's. */
  mapping?: FieldMapping | undefined;
  dryRun: boolean;
  defaultRegion: string;
  /** Called once the import has its record (before any row is read), with its id. */
  onStarted?: ((importId: number) => void) | undefined;
  /** Called after each batch, for progress bars. */
  onProgress?: ((importId: number, rows: number) => void) | undefined;
}

type Totals = Pick<
  ImportRow,
  'rows' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'warnings'
>;

/** The file's SHA-256 (to resume it) and its line count (to estimate progress of text files). */
async function fingerprint(path: string): Promise<{ sha256: string; lines: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines += 1;
  }
  return { sha256: hash.digest('hex'), lines };
}

/** Opens the file and settles its plan; a file without a card number column cannot be imported. */
async function planImport(options: ImportPatronsOptions): Promise<ImportPlan> {
  const planned = await planFile(options);
  if (planned.plan.mapping.cardNumber === undefined) {
    await planned.read.close();
    throw new AppError(
      'UNPROCESSABLE',
      `No card number column was found in ${options.fileName}; choose which column holds the card number`,
      {
        reason: 'NO_CARD_NUMBER',
        headers: planned.read.headers,
      },
    );
  }
  return planned;
}

/**
 * An unfinished real import of the same file, layout and mapping — failed, interrupted, or
 * running with a stopped heartbeat — is resumed, not redone (RB-4). One that is still alive is
 * not touched: the same file cannot be imported twice at once.
 * @throws CONFLICT while the same file is being imported
 */
async function findResumable(
  db: Db,
  key: { sha256: string; layout: string; mapping: string },
  now: Date,
): Promise<ImportRow | undefined> {
  const unfinished = await db
    .selectFrom('imports')
    .selectAll()
    .where('file_sha256', '=', key.sha256)
    .where('layout', '=', key.layout)
    .where('mapping', '=', key.mapping)
    .where('dry_run', '=', 0)
    .where('status', 'in', ['running', 'interrupted', 'failed'])
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const alive =
    unfinished?.status === 'running' &&
    now.getTime() - Date.parse(unfinished.heartbeat_at) < IMPORT_HEARTBEAT_TIMEOUT_MS;
  if (alive) {
    throw new AppError(
      'CONFLICT',
      `This file is already being imported (import ${unfinished.id}); wait for it to finish`,
      { importId: unfinished.id },
    );
  }
  return unfinished;
}

async function saveProblems(
  db: Db,
  importId: number,
  problems: ImportProblem[],
  stored: { count: number },
): Promise<void> {
  const kept = problems.slice(0, Math.max(0, MAX_STORED_PROBLEMS - stored.count));
  stored.count += kept.length;
  for (let i = 0; i < kept.length; i += 500) {
    await db
      .insertInto('import_problems')
      .values(
        kept.slice(i, i + 500).map((p) => ({
          import_id: importId,
          row: p.row,
          column: p.column,
          value: p.value === null ? null : p.value.slice(0, 500),
          reason: p.reason,
          severity: p.severity,
        })),
      )
      .execute();
  }
}

/** Creates the import's record, or takes up the unfinished one it resumes. */
async function openRecord(
  ctx: Ctx,
  options: ImportPatronsOptions,
  read: SpreadsheetRead,
  plan: { layout: { id: string }; mapping: FieldMapping },
): Promise<{ record: ImportRow; resumed: boolean }> {
  const { size } = await stat(options.filePath);
  const { sha256, lines } = await fingerprint(options.filePath);
  const mapping = JSON.stringify(plan.mapping);
  const now = ctx.now().toISOString();
  const resumed = options.dryRun
    ? undefined
    : await findResumable(ctx.db, { sha256, layout: plan.layout.id, mapping }, ctx.now());
  if (resumed) {
    const record = await ctx.db
      .updateTable('imports')
      .set({ status: 'running', error: null, heartbeat_at: now })
      .where('id', '=', resumed.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { record, resumed: true };
  }
  const estimatedRows =
    read.format === 'csv' || read.format === 'tsv'
      ? Math.max(0, lines - 1)
      : read.format === 'jsonl'
        ? lines
        : null;
  const record = await ctx.db
    .insertInto('imports')
    .values({
      file_name: options.fileName,
      file_sha256: sha256,
      file_bytes: size,
      format: read.format,
      encoding: read.encoding ?? null,
      layout: plan.layout.id,
      mapping,
      dry_run: options.dryRun ? 1 : 0,
      estimated_rows: estimatedRows,
      status: 'running',
      created_by: ctx.actor?.id ?? null,
      started_at: now,
      heartbeat_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { record, resumed: false };
}

/** Writes one parsed batch, its problems and the import's progress in one transaction. */
async function writeBatch(
  ctx: Ctx,
  record: ImportRow,
  batch: ParsedBatch,
  state: { totals: Totals; stored: { count: number }; seen: Set<string> },
): Promise<void> {
  const dryRun = record.dry_run === 1;
  await inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    const outcome = await applyBatch(tx.db, batch.patrons, {
      importId: dryRun ? null : record.id,
      now,
      seenInDryRun: (card) => state.seen.has(card),
    });
    if (dryRun) for (const item of batch.patrons) state.seen.add(item.patron.cardNumber);
    const problems = [...batch.problems, ...outcome.problems];
    const t = state.totals;
    t.rows += batch.rows;
    t.inserted += outcome.inserted;
    t.updated += outcome.updated;
    t.unchanged += outcome.unchanged;
    t.rejected += batch.rejected + outcome.rejected;
    t.warnings += problems.filter((p) => p.severity === 'warning').length;
    await saveProblems(tx.db, record.id, problems, state.stored);
    await tx.db
      .updateTable('imports')
      .set({ ...t, last_row: batch.lastRow, heartbeat_at: now })
      .where('id', '=', record.id)
      .execute();
  });
}

/** The last transaction: households recomputed, missing patrons counted, completed, audited. */
async function finishImport(ctx: Ctx, record: ImportRow, totals: Totals): Promise<ImportRow> {
  return inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    const dryRun = record.dry_run === 1;
    if (!dryRun) await recomputeHouseholds(tx.db, now);
    const missing = await tx.db
      .selectFrom('patrons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.or([eb('last_import_id', 'is', null), eb('last_import_id', '!=', record.id)]),
      )
      .executeTakeFirstOrThrow();
    const finished = await tx.db
      .updateTable('imports')
      .set({ status: 'completed', finished_at: now, missing: dryRun ? null : missing.n })
      .where('id', '=', record.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: dryRun ? 'patron.import_dry_run' : 'patron.import',
      objectType: 'import',
      objectId: record.id,
      details: { file: record.file_name, layout: record.layout, ...totals },
    });
    return finished;
  });
}

/**
 * Imports a patron file: reads and maps it in a worker thread, and writes patrons in short batches,
 * each one transaction that also records how far the import got — so callers are never stalled, a
 * killed import leaves no half-written row, and importing the same file again resumes it and
 * finishes it exactly (TRUST RB-4, ADR 006). A dry run does all the same checks and counts and
 * writes no patron. The import is `completed` only in its last transaction.
 * @throws UNPROCESSABLE for a file that cannot be read (the message says why), CONFLICT, FORBIDDEN
 */
export async function importPatrons(ctx: Ctx, options: ImportPatronsOptions): Promise<ImportRow> {
  assertRole(ctx, 'admin', 'coordinator');
  const { read, plan, headers } = await planImport(options);
  // The rows are read again by the parsing thread: this reader was only for the header.
  await read.close();
  const { record, resumed } = await openRecord(ctx, options, read, plan);
  options.onStarted?.(record.id);
  const problems = resumed ? [] : headerProblems(plan);
  const state = {
    totals: {
      rows: record.rows,
      inserted: record.inserted,
      updated: record.updated,
      unchanged: record.unchanged,
      rejected: record.rejected,
      warnings: record.warnings + problems.length,
    },
    stored: { count: resumed ? MAX_STORED_PROBLEMS : 0 },
    seen: new Set<string>(),
  };
  try {
    await saveProblems(ctx.db, record.id, problems, state.stored);
    const batches = parseInWorker({
      filePath: options.filePath,
      fileName: options.fileName,
      format: read.format,
      sheet: read.sheet,
      layoutId: plan.layout.id,
      ...(headers ? { headers: [...headers] } : {}),
      mapping: plan.mapping,
      defaultRegion: options.defaultRegion,
      today: ctx.now().toISOString(),
      skipThrough: record.last_row,
      batchSize: IMPORT_BATCH_SIZE,
    });
    for await (const batch of batches) {
      await writeBatch(ctx, record, batch, state);
      options.onProgress?.(record.id, state.totals.rows);
    }
    return await finishImport(ctx, record, state.totals);
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'the import stopped unexpectedly';
    await ctx.db
      .updateTable('imports')
      .set({ status: 'failed', error: message, finished_at: ctx.now().toISOString() })
      .where('id', '=', record.id)
      .execute();
    throw unreadable(error);
  }
}

/**
 * Imports left `running` by a process that stopped (no heartbeat for a while) are marked
 * interrupted: importing the same file again resumes them. Imports other servers are still
 * running keep their heartbeat and are left alone.
 */
export async function markInterruptedImports(db: Db, now: Date): Promise<number> {
  const stale = new Date(now.getTime() - IMPORT_HEARTBEAT_TIMEOUT_MS).toISOString();
  const result = await db
    .updateTable('imports')
    .set({ status: 'interrupted' })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', stale)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
