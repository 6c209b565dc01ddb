import fs from 'node:fs';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { listCampaigns } from '../../core/campaigns/campaigns.service.js';
import { exportCampaign, importCampaign } from '../../core/campaigns/sharing.service.js';
import { AppError } from '../../core/errors.js';
import { withSystemCtx } from '../context.js';

function campaignId(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a campaign id (a whole number)');
  return n;
}

export function registerCampaignCommands(program: Command): void {
  const campaigns = program.command('campaigns').description('List, share and import campaigns');

  campaigns
    .command('list')
    .description('List campaigns with their state and call list size')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const items = await withSystemCtx((ctx) => listCampaigns(ctx));
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        return;
      }
      for (const c of items) {
        process.stdout.write(
          `${String(c.id).padStart(5)}  ${c.status.padEnd(7)} ${c.channel.padEnd(16)} ${String(c.callListSize).padStart(7)} patrons  ${c.name}\n`,
        );
      }
    });

  campaigns
    .command('export')
    .description(
      'Write a campaign as a shareable JSON file: settings, script, services and training — never patrons',
    )
    .argument('<id>', 'the campaign id (see campaigns list)', campaignId)
    .option('--output <file>', 'write to this file instead of standard output')
    .action(async (id: number, opts: { output?: string }) => {
      const file = await withSystemCtx((ctx) => exportCampaign(ctx, id));
      const text = `${JSON.stringify(file, null, 2)}\n`;
      if (opts.output === undefined) process.stdout.write(text);
      else fs.writeFileSync(opts.output, text);
    });

  campaigns
    .command('import')
    .description('Create a draft campaign from a shared campaign file')
    .argument('<file>', 'a file written by campaigns export')
    .action(async (file: string) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new AppError(
          'VALIDATION_FAILED',
          `${file} is not a JSON campaign file: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const campaign = await withSystemCtx((ctx) => importCampaign(ctx, parsed));
      process.stdout.write(`Imported "${campaign.name}" as draft campaign ${campaign.id}\n`);
    });
}
