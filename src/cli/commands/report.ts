import fs, { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { AppError } from '../../core/errors.js';
import { checkResultsExport, exportCampaignResults } from '../../core/results/export.js';
import { getCampaignStats, getLibraryStats } from '../../core/results/stats.service.js';
import { withSystemCtx } from '../context.js';

const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

interface ReportOptions {
  campaign?: number;
  from?: string;
  to?: string;
  format: ReportFormat;
  output?: string;
}

function campaignId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a campaign id (a whole number)');
  return n;
}

function reportFormat(value: string): ReportFormat {
  if (!(REPORT_FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`one of: ${REPORT_FORMATS.join(', ')}`);
  return value as ReportFormat;
}

const refuse = (field: string, message: string): AppError =>
  new AppError('VALIDATION_FAILED', message, { field });

/** A calendar date written YYYY-MM-DD that exists (no 2026-02-30). */
function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
}

/** Everything that can be said about the options before the database is opened. */
function checkOptions(opts: ReportOptions): void {
  if (opts.from !== undefined && !isDate(opts.from))
    throw refuse('--from', 'must be a date like 2026-03-01');
  if (opts.to !== undefined && !isDate(opts.to))
    throw refuse('--to', 'must be a date like 2026-03-01');
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to)
    throw refuse('--from', `must be on or before --to (${opts.to})`);
  if (opts.format !== 'json' && opts.campaign === undefined)
    throw refuse(
      '--campaign',
      `--format ${opts.format} exports one campaign’s results: give --campaign ID (see outreach campaigns list), or use --format json for the library-wide figures`,
    );
  if (opts.format === 'xlsx' && opts.output === undefined)
    throw refuse('--output', '--format xlsx writes a binary file: give --output FILE');
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'Results: the figures of a campaign (or of the whole library) as JSON, or a campaign’s results, one row per patron and attempt, as CSV or XLSX',
    )
    .requiredOption(
      '--format <format>',
      `json (the figures), csv or xlsx (the results export of --campaign)`,
      reportFormat,
    )
    .option(
      '--campaign <id>',
      'the campaign (see campaigns list); library-wide without it',
      campaignId,
    )
    .option('--from <date>', 'first day, YYYY-MM-DD in the library’s time zone')
    .option('--to <date>', 'last day, YYYY-MM-DD in the library’s time zone')
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (opts: ReportOptions) => {
      checkOptions(opts);
      const filter = {
        ...(opts.from === undefined ? {} : { from: opts.from }),
        ...(opts.to === undefined ? {} : { to: opts.to }),
      };
      if (opts.format === 'json') {
        const stats = await withSystemCtx((ctx) =>
          opts.campaign === undefined
            ? getLibraryStats(ctx, filter)
            : getCampaignStats(ctx, opts.campaign, filter),
        );
        const text = `${JSON.stringify(stats, null, 2)}\n`;
        if (opts.output === undefined) process.stdout.write(text);
        else fs.writeFileSync(opts.output, text);
        return;
      }
      const { format, campaign: id } = opts;
      if (id === undefined) return;
      if (opts.output === undefined) {
        await withSystemCtx((ctx) =>
          exportCampaignResults(ctx, id, format, process.stdout, filter),
        );
        return;
      }
      const output = opts.output;
      const rows = await withSystemCtx(async (ctx) => {
        // A wrong campaign id is said before the file is made.
        await checkResultsExport(ctx, id, filter);
        const file = createWriteStream(output);
        const finished = new Promise<void>((resolve, reject) => {
          file.on('finish', () => resolve());
          file.on('error', reject);
        });
        finished.catch(() => {}); // awaited below; a failure is reported by the export itself
        try {
          const n = await exportCampaignResults(ctx, id, format, file, filter);
          await finished;
          return n;
        } catch (error) {
          file.destroy();
          fs.rmSync(output, { force: true });
          throw error;
        }
      });
      process.stderr.write(`Exported ${rows} rows to ${opts.output}\n`);
    });
}
