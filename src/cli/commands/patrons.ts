import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { importPatrons } from '../../core/patrons/import/import.service.js';
import { LAYOUTS } from '../../core/patrons/import/layouts/index.js';
import {
  EXPORT_FORMATS,
  exportPatrons,
  type ExportFormat,
} from '../../core/patrons/patrons.export.js';
import { withSystemCtx } from '../context.js';

interface ImportOptions {
  layout?: string;
  sheet?: string;
  dryRun?: boolean;
  json?: boolean;
}

function layoutId(value: string): string {
  if (!LAYOUTS.some((l) => l.id === value)) {
    throw new InvalidArgumentError(
      `unknown layout; one of: ${LAYOUTS.map((l) => l.id).join(', ')}`,
    );
  }
  return value;
}

export function registerPatronCommands(program: Command): void {
  const patrons = program.command('patrons').description('Import and export patron lists');

  patrons
    .command('import')
    .description(
      'Import a patron file (.xlsx, .csv, .tsv, .json, .jsonl); the layout is detected unless given',
    )
    .argument('<file>', 'the file to import')
    .option('--layout <name>', `one of: ${LAYOUTS.map((l) => l.id).join(', ')}`, layoutId)
    .option('--sheet <name>', 'the worksheet to read (first sheet by default)')
    .option('--dry-run', 'check and count everything, write no patron')
    .option('--json', 'print the report as one JSON object')
    .action(async (file: string, opts: ImportOptions) => {
      const { report, problems } = await withSystemCtx(async (ctx, config) => {
        const result = await importPatrons(ctx, {
          filePath: path.resolve(file),
          fileName: path.basename(file),
          layout: opts.layout,
          sheet: opts.sheet,
          dryRun: opts.dryRun === true,
          defaultRegion: config.phoneDefaultRegion,
        });
        const rows = await ctx.db
          .selectFrom('import_problems')
          .select(['row', 'column', 'value', 'reason', 'severity'])
          .where('import_id', '=', result.id)
          .orderBy('row')
          .orderBy('id')
          .execute();
        return { report: result, problems: rows };
      });
      const summary = {
        layout: report.layout,
        rows: report.rows,
        inserted: report.inserted,
        updated: report.updated,
        unchanged: report.unchanged,
        rejected: report.rejected,
        warnings: report.warnings,
      };
      if (opts.json === true) {
        const body = {
          ...summary,
          dryRun: report.dry_run === 1,
          missing: report.missing,
          problems: problems.map(({ row, column, value, reason }) => ({
            row,
            column,
            value,
            reason,
          })),
        };
        process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
        return;
      }
      process.stdout.write(
        `${opts.dryRun === true ? 'Dry run of' : 'Imported'} ${path.basename(file)} as ${report.layout}: ${report.rows} rows — ` +
          `${report.inserted} new, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected, ${report.warnings} warnings` +
          `${report.missing ? `; ${report.missing} patrons already here were not in this file (kept)` : ''}\n`,
      );
      for (const p of problems.slice(0, 50)) {
        process.stdout.write(
          `  row ${p.row}${p.column ? `, ${p.column}` : ''}: ${p.severity}: ${p.reason}${p.value ? ` (${JSON.stringify(p.value)})` : ''}\n`,
        );
      }
      if (problems.length > 50)
        process.stdout.write(`  … and ${problems.length - 50} more (see --json)\n`);
    });

  patrons
    .command('export')
    .description('Export every patron as JSON, CSV or XLSX (spreadsheet cells are formula-safe)')
    .option(
      '--format <format>',
      `one of: ${EXPORT_FORMATS.join(', ')}`,
      (v: string) => {
        if (!(EXPORT_FORMATS as readonly string[]).includes(v))
          throw new InvalidArgumentError(`one of: ${EXPORT_FORMATS.join(', ')}`);
        return v as ExportFormat;
      },
      'json',
    )
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (opts: { format: ExportFormat; output?: string }) => {
      if (opts.output === undefined) {
        await withSystemCtx((ctx) => exportPatrons(ctx, process.stdout, opts.format));
        return;
      }
      const file = createWriteStream(opts.output);
      const finished = new Promise<void>((resolve, reject) => {
        file.on('finish', () => resolve());
        file.on('error', reject);
      });
      const count = await withSystemCtx((ctx) => exportPatrons(ctx, file, opts.format));
      await finished;
      process.stderr.write(`Exported ${count} patrons to ${opts.output}\n`);
    });
}
