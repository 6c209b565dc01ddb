import { recordAudit } from '../../audit/audit.service.js';
import type { Ctx } from '../../context.js';
import { assertRole } from '../../policy.js';
import { mapRow, type RefusedColumn } from './layouts/index.js';
import type { CountryCode } from './normalise/phone.js';
import { planFile } from './plan.js';
import type { FieldMapping, FileFormat, ImportedPatron, ImportProblem } from './types.js';

export interface ImportPreview {
  format: FileFormat;
  encoding: string | null;
  sheet: string | null;
  layout: string;
  confidence: number;
  candidates: { id: string; confidence: number }[];
  headers: string[];
  mapping: FieldMapping;
  unknownColumns: string[];
  ignoredColumns: string[];
  refusedColumns: RefusedColumn[];
  /** Coordinator choices that could not be applied (a refused or missing column). */
  rejectedOverrides: { field: string; column: string; reason: string }[];
  sample: { row: number; patron: ImportedPatron | null; problems: ImportProblem[] }[];
  fileProblems: ImportProblem[];
}

/**
 * Reads the first rows of a file and shows how they would be imported: the detected layout, the
 * mapping, columns refused or ignored, and each sample row as a patron with its problems. Writes
 * nothing but the audit entry (the sample shows personal data).
 * @throws UNPROCESSABLE for a file that cannot be read
 */
export async function previewImport(
  ctx: Ctx,
  options: {
    filePath: string;
    fileName: string;
    format?: FileFormat | undefined;
    sheet?: string | undefined;
    layout?: string | undefined;
    mapping?: FieldMapping | undefined;
    defaultRegion: string;
    rows?: number;
  },
): Promise<ImportPreview> {
  assertRole(ctx, 'admin', 'coordinator');
  const { read, plan: resolved } = await planFile(options);
  const sample: ImportPreview['sample'] = [];
  const wanted = options.rows ?? 10;
  for await (const row of read.rows) {
    const mapped = mapRow(row, resolved.layout, resolved.mapping, {
      defaultRegion: options.defaultRegion as CountryCode,
      today: ctx.now(),
    });
    sample.push({ row: row.rowNumber, patron: mapped.patron ?? null, problems: mapped.problems });
    if (sample.length >= wanted) break;
  }
  await recordAudit(ctx, {
    action: 'patron.import_preview',
    objectType: 'import',
    details: { file: options.fileName, rows: sample.length },
  });
  return {
    format: read.format,
    encoding: read.encoding ?? null,
    sheet: read.sheet ?? null,
    layout: resolved.layout.id,
    confidence: resolved.confidence,
    candidates: resolved.candidates,
    headers: read.headers,
    mapping: resolved.mapping,
    unknownColumns: resolved.unknownColumns,
    ignoredColumns: resolved.ignoredColumns,
    refusedColumns: resolved.refusedColumns,
    rejectedOverrides: resolved.rejectedOverrides,
    sample,
    fileProblems: read.warnings.filter((w) => w.row <= 1),
  };
}
