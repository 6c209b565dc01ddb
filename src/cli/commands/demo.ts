import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { loadDemo } from '../../core/demo/demo.service.js';
import { mailDepsOf } from '../../core/email/mail-deps.js';
import { withSystemCtx } from '../context.js';

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new InvalidArgumentError('must be a whole number from 1 to 1,000,000');
  return n;
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Load a realistic synthetic library (invented patrons and demo staff) to try Outreach Desk',
    )
    .option('--patrons <n>', 'how many patrons', positive, 3000)
    .option('--seed <n>', 'random seed (the same seed gives the same library)', positive, 2021)
    .action(async (opts: { patrons: number; seed: number }) => {
      const result = await withSystemCtx((ctx, config) =>
        loadDemo(ctx, {
          ...opts,
          defaultRegion: config.phoneDefaultRegion,
          mail: mailDepsOf(config),
        }),
      );
      const r = result.import;
      process.stdout.write(
        `Demo library: ${r.rows} patrons (${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${r.warnings} warnings).\n`,
      );
      for (const name of result.campaigns) process.stdout.write(`Campaign: ${name}\n`);
      if (result.staff.length > 0) {
        process.stdout.write('Demo staff accounts (passwords are shown only now):\n');
        for (const s of result.staff)
          process.stdout.write(`  ${s.role.padEnd(11)} ${s.email.padEnd(32)} ${s.password}\n`);
      }
    });
}
