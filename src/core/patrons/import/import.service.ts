import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Db, ImportRow } from '../../../db/database.js';
import { recordAudit } from '../../audit/audit.service.js';
import { inTransaction, type Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { assertRole } from '../../policy.js';
import { recomputeHouseholds } from '../households.js';
import { applyBatch, type PendingPatron } from './apply-batch.js';
import { detectLayout, findLayout, mapRow, resolveMapping } from './layouts/index.js';
import type { CountryCode } from './normalise/phone.js';
import { ImportFileError, readSpreadsheet } from './readers/index.js';
import type { FieldMapping, FileFormat, ImportProblem } from './types.js';

export const IMPORT_BATCH_SIZE = 500;
/** Problems kept per import; past this only the counts grow (a broken file must not fill the disk). */
export const MAX_STORED_PROBLEMS = 10_000;

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

function fileProblem(error: ImportFileError): AppError {
  return new AppError('UNPROCESSABLE', error.message, { reason: error.code });
}

/** A running import whose heartbeat is older than this has died (its process was killed). */
export const IMPORT_HEARTBEAT_TIMEOUT_MS = 30_000;

/**
 * An unfinished real import of the same file, layout and mapping — failed, interrupted, or
 * running with a stopped heartbeat — is resumed, not redone (RB-4). One that is still alive is
 * not touched: the same file cannot be imported twice at once.
 * @throws CONFLICT while the same file is being imported
 */
async function findResumable(
  db: Db,
  fingerprint: { sha256: string; layout: string; mapping: string },
  now: Date,
): Promise<ImportRow | undefined> {
  const unfinished = await db
    .selectFrom('imports')
    .selectAll()
    .where('file_sha256', '=', fingerprint.sha256)
    .where('layout', '=', fingerprint.layout)
    .where('mapping', '=', fingerprint.mapping)
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
  const room = MAX_STORED_PROBLEMS - stored.count;
  const kept = problems.slice(0, Math.max(0, room));
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

/**
 * Imports a patron file: reads it as a stream, maps each row with the detected (or chosen) layout,
 * and writes patrons in short batches, each one transaction that also records how far the import
 * got — so callers are never stalled, a killed import leaves no half-written row, and running the
 * same file again resumes it and finishes it exactly (TRUST RB-4, ADR 006). A dry run does all the
 * same checks and counts and writes no patron. The import is reported `completed` only in its last
 * transaction, with households recomputed and patrons missing from this export counted.
 * @throws UNPROCESSABLE for a file that cannot be read (the message says why), FORBIDDEN
 */
export async function importPatrons(ctx: Ctx, options: ImportPatronsOptions): Promise<ImportRow> {
  assertRole(ctx, 'admin', 'coordinator');
  const { size } = await stat(options.filePath);
  const read = await readSpreadsheet(options.filePath, {
    fileName: options.fileName,
    ...(options.format ? { format: options.format } : {}),
    ...(options.sheet ? { sheet: options.sheet } : {}),
  }).catch((error: unknown) => {
    throw error instanceof ImportFileError ? fileProblem(error) : error;
  });

  const chosen = options.layout === undefined ? undefined : findLayout(options.layout);
  if (options.layout !== undefined && chosen === undefined) {
    throw new AppError('VALIDATION_FAILED', `Unknown layout "${options.layout}"`, {
      field: 'layout',
    });
  }
  const resolved = chosen
    ? { layout: chosen, ...resolveMapping(chosen, read.headers, options.mapping) }
    : detectLayout(read.headers, read.format, options.mapping);
  if (resolved.mapping.cardNumber === undefined) {
    throw new AppError(
      'UNPROCESSABLE',
      `No card number column was found in ${options.fileName}; choose which column holds the card number`,
      {
        reason: 'NO_CARD_NUMBER',
        headers: read.headers,
      },
    );
  }

  const layout = resolved.layout;
  const mappingJson = JSON.stringify(resolved.mapping);
  const { sha256, lines } = await fingerprint(options.filePath);
  const estimatedRows = ['csv', 'tsv'].includes(read.format)
    ? Math.max(0, lines - 1)
    : read.format === 'jsonl'
      ? lines
      : null;
  const now = () => ctx.now().toISOString();
  const headerProblems: ImportProblem[] = [
    ...resolved.refusedColumns.map((r) => ({
      row: 1,
      column: r.column,
      value: null,
      reason: r.reason,
      severity: 'warning' as const,
    })),
    ...resolved.unknownColumns.map((c) => ({
      row: 1,
      column: c,
      value: null,
      reason: 'column not used by Outreach Desk: ignored',
      severity: 'warning' as const,
    })),
    ...resolved.rejectedOverrides.map((r) => ({
      row: 1,
      column: r.column,
      value: r.field,
      reason: r.reason,
      severity: 'warning' as const,
    })),
  ];

  const resumed = options.dryRun
    ? undefined
    : await findResumable(ctx.db, { sha256, layout: layout.id, mapping: mappingJson }, ctx.now());
  const record =
    resumed ??
    (await ctx.db
      .insertInto('imports')
      .values({
        file_name: options.fileName,
        file_sha256: sha256,
        file_bytes: size,
        format: read.format,
        encoding: read.encoding ?? null,
        layout: layout.id,
        mapping: mappingJson,
        dry_run: options.dryRun ? 1 : 0,
        estimated_rows: estimatedRows,
        status: 'running',
        created_by: ctx.actor?.id ?? null,
        started_at: now(),
        heartbeat_at: now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow());
  if (resumed)
    await ctx.db
      .updateTable('imports')
      .set({ status: 'running', error: null, heartbeat_at: now() })
      .where('id', '=', resumed.id)
      .execute();
  const importId = record.id;
  options.onStarted?.(importId);
  const stored = { count: resumed ? MAX_STORED_PROBLEMS : 0 };
  const writeId = options.dryRun ? null : importId;

  try {
    if (!resumed) await saveProblems(ctx.db, importId, headerProblems, stored);
    const totals = {
      rows: record.rows,
      inserted: record.inserted,
      updated: record.updated,
      unchanged: record.unchanged,
      rejected: record.rejected,
      warnings: record.warnings + (resumed ? 0 : headerProblems.length),
    };
    const seen = new Set<string>();
    const today = ctx.now();
    let batch: PendingPatron[] = [];
    let rowProblems: ImportProblem[] = [];
    let lastRow = record.last_row;

    const flush = async () => {
      await inTransaction(ctx, async (tx) => {
        const outcome = await applyBatch(tx.db, batch, {
          importId: writeId,
          now: now(),
          seenInDryRun: (card) => seen.has(card),
        });
        for (const item of batch) seen.add(item.patron.cardNumber);
        const problems = [...rowProblems, ...outcome.problems];
        totals.inserted += outcome.inserted;
        totals.updated += outcome.updated;
        totals.unchanged += outcome.unchanged;
        totals.rejected += outcome.rejected;
        totals.warnings += problems.filter((p) => p.severity === 'warning').length;
        await saveProblems(tx.db, importId, problems, stored);
        await tx.db
          .updateTable('imports')
          .set({ ...totals, last_row: lastRow, heartbeat_at: now() })
          .where('id', '=', importId)
          .execute();
      });
      options.onProgress?.(importId, totals.rows);
      batch = [];
      rowProblems = [];
      // Let waiting requests (callers claiming patrons) in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    };

    // Problems the reader found since the last row: a formula cell (warning), or a row it had to
    // skip (error), which counts as a rejected row.
    let readerProblemsSeen = 0;
    const takeReaderProblems = () => {
      const fresh = read.warnings
        .slice(readerProblemsSeen)
        .filter((p) => p.row === 0 || p.row > record.last_row);
      readerProblemsSeen = read.warnings.length;
      const skipped = fresh.filter((p) => p.severity === 'error' && p.row > 0).length;
      totals.rows += skipped;
      totals.rejected += skipped;
      rowProblems.push(...fresh);
    };
    for await (const row of read.rows) {
      takeReaderProblems();
      if (row.rowNumber <= record.last_row) continue;
      lastRow = row.rowNumber;
      totals.rows += 1;
      const mapped = mapRow(row, layout, resolved.mapping, {
        defaultRegion: options.defaultRegion as CountryCode,
        today,
      });
      rowProblems.push(...mapped.problems);
      if (mapped.patron) batch.push({ row: row.rowNumber, patron: mapped.patron });
      else totals.rejected += 1;
      if (batch.length >= IMPORT_BATCH_SIZE || rowProblems.length >= IMPORT_BATCH_SIZE)
        await flush();
    }
    takeReaderProblems();
    await flush();

    return await inTransaction(ctx, async (tx) => {
      if (writeId !== null) await recomputeHouseholds(tx.db, now());
      const missing = await tx.db
        .selectFrom('patrons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([eb('last_import_id', 'is', null), eb('last_import_id', '!=', importId)]),
        )
        .executeTakeFirstOrThrow();
      const finished = await tx.db
        .updateTable('imports')
        .set({
          status: 'completed',
          finished_at: now(),
          missing: writeId === null ? null : missing.n,
        })
        .where('id', '=', importId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        action: options.dryRun ? 'patron.import_dry_run' : 'patron.import',
        objectType: 'import',
        objectId: importId,
        details: { file: options.fileName, layout: layout.id, ...totals },
      });
      return finished;
    });
  } catch (error) {
    const message =
      error instanceof ImportFileError
        ? error.message
        : error instanceof AppError
          ? error.message
          : 'the import stopped unexpectedly';
    await ctx.db
      .updateTable('imports')
      .set({ status: 'failed', error: message, finished_at: now() })
      .where('id', '=', importId)
      .execute();
    throw error instanceof ImportFileError ? fileProblem(error) : error;
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
