import type { ImportRow } from '../../../db/database.js';
import type { ImportReport } from '../../../shared/schemas/patrons.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { assertRole } from '../../policy.js';
import { findLayout } from './layouts/index.js';
import type { FieldMapping, ImportProblem } from './types.js';

export function presentImport(row: ImportRow): ImportReport {
  return {
    id: row.id,
    fileName: row.file_name,
    format: row.format,
    encoding: row.encoding,
    layout: row.layout,
    mapping: JSON.parse(row.mapping) as Record<string, string>,
    dryRun: row.dry_run === 1,
    status: row.status,
    estimatedRows: row.estimated_rows,
    rows: row.rows,
    inserted: row.inserted,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    warnings: row.warnings,
    missing: row.missing,
    error: row.error,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** @throws NOT_FOUND */
export async function getImport(ctx: Ctx, id: number): Promise<ImportReport> {
  assertRole(ctx, 'admin', 'coordinator');
  const row = await ctx.db
    .selectFrom('imports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Import', id);
  return presentImport(row);
}

export async function listImports(
  ctx: Ctx,
  page: { limit: number; offset: number },
): Promise<{ items: ImportReport[]; total: number }> {
  assertRole(ctx, 'admin', 'coordinator');
  const [rows, count] = await Promise.all([
    ctx.db
      .selectFrom('imports')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    ctx.db
      .selectFrom('imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentImport), total: count.n };
}

/** The row-by-row problems of an import, in row order. Values may be personal data: audited. */
export async function listImportProblems(
  ctx: Ctx,
  importId: number,
  page: { limit: number; offset: number },
): Promise<{ items: ImportProblem[]; total: number }> {
  await getImport(ctx, importId);
  const query = ctx.db.selectFrom('import_problems').where('import_id', '=', importId);
  const [rows, count] = await Promise.all([
    query
      .select(['row', 'column', 'value', 'reason', 'severity'])
      .orderBy('row')
      .orderBy('id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  await recordAudit(ctx, {
    action: 'import.view_problems',
    objectType: 'import',
    objectId: importId,
  });
  return { items: rows, total: count.n };
}

export interface SavedMapping {
  id: number;
  name: string;
  layout: string;
  mapping: FieldMapping;
  createdAt: string;
}

export async function listImportMappings(ctx: Ctx): Promise<SavedMapping[]> {
  assertRole(ctx, 'admin', 'coordinator');
  const rows = await ctx.db.selectFrom('import_mappings').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    layout: r.layout,
    mapping: JSON.parse(r.mapping) as FieldMapping,
    createdAt: r.created_at,
  }));
}

/** Saves (or replaces, by name) a mapping a coordinator chose, to reuse with the next export. */
export async function saveImportMapping(
  ctx: Ctx,
  input: { name: string; layout: string; mapping: FieldMapping },
): Promise<SavedMapping> {
  assertRole(ctx, 'admin', 'coordinator');
  if (!findLayout(input.layout))
    throw new AppError('VALIDATION_FAILED', `Unknown layout "${input.layout}"`, {
      field: 'layout',
    });
  const values = {
    name: input.name,
    layout: input.layout,
    mapping: JSON.stringify(input.mapping),
    created_by: ctx.actor?.id ?? null,
    created_at: ctx.now().toISOString(),
  };
  const row = await ctx.db
    .insertInto('import_mappings')
    .values(values)
    .onConflict((oc) =>
      oc.column('name').doUpdateSet({ layout: values.layout, mapping: values.mapping }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    name: row.name,
    layout: row.layout,
    mapping: input.mapping,
    createdAt: row.created_at,
  };
}
