#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ZodError } from 'zod';
import { ConfigError, loadConfig } from '../config/env.js';
import { AppError } from '../core/errors.js';
import { withSystemCtx } from './context.js';
import { registerCampaignCommands } from './commands/campaigns.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerEmailCommands } from './commands/email.js';
import { registerTelephonyCommands } from './commands/telephony.js';
import { registerFollowUpCommands } from './commands/followups.js';
import { registerPatronCommands } from './commands/patrons.js';
import { registerReportCommand } from './commands/report.js';
import { registerUserCommands } from './commands/user.js';
import { migrateToLatest } from '../db/migrate.js';
import { startServer } from '../server/main.js';

const program = new Command()
  .name('outreach')
  .description(
    'Outreach Desk: care campaigns for public libraries. Settings come from environment variables (docs/reference/configuration.md).',
  )
  .showHelpAfterError()
  .exitOverride();

program
  .command('start')
  .description('Start the web app (migrates the database first)')
  .action(async () => {
    await startServer(loadConfig());
  });

const db = program.command('db').description('Database maintenance');
db.command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    await withSystemCtx(async (ctx) => {
      const applied = await migrateToLatest(ctx.db);
      process.stdout.write(
        applied.length === 0 ? 'Database already up to date\n' : `Applied: ${applied.join(', ')}\n`,
      );
    });
  });

registerUserCommands(program);
registerPatronCommands(program);
registerCampaignCommands(program);
registerEmailCommands(program);
registerFollowUpCommands(program);
registerTelephonyCommands(program);
registerReportCommand(program);
registerDemoCommand(program);

function explain(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  if (error instanceof AppError) {
    const field = (error.details as { field?: string } | undefined)?.field;
    return field === undefined ? error.message : `${field}: ${error.message}`;
  }
  if (error instanceof ZodError)
    return error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('\n');
  return error instanceof Error ? error.message : String(error);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  process.stderr.write(`error: ${explain(error)}\n`);
  process.exit(1);
}
