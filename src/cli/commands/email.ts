import type { Command } from 'commander';
import { getMailStatus, listOutbox } from '../../core/email/outbox.service.js';
import { loadMailConfig } from '../../core/email/settings.service.js';
import { createSmtpTransport } from '../../core/email/transport/transport.js';
import { mailDepsOf } from '../../core/email/mail-deps.js';
import { withSystemCtx } from '../context.js';

export function registerEmailCommands(program: Command): void {
  const email = program.command('email').description('Care e-mails: the outbox and the mail relay');

  email
    .command('status')
    .description('How mail is sent (relay or files), the quota, and the outbox by state')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const report = await withSystemCtx(async (ctx, config) => {
        const deps = mailDepsOf(config);
        const settings = await loadMailConfig(ctx.db, deps);
        const status = await getMailStatus(ctx, deps);
        const { counts } = await listOutbox(ctx, { limit: 1 });
        const paused = await ctx.db
          .selectFrom('mailings')
          .innerJoin('campaigns', 'campaigns.id', 'mailings.campaign_id')
          .select(['mailings.id', 'campaigns.name', 'mailings.paused_reason'])
          .where('mailings.status', '=', 'paused')
          .execute();
        return {
          mode: status.mode,
          relay: settings.mode === 'smtp' ? `${settings.host}:${settings.port}` : null,
          logDir: status.mode === 'log' ? deps.logDir : null,
          quota: { perMinute: settings.perMinute, perDay: settings.perDay },
          outbox: counts,
          pausedMailings: paused.map((p) => ({
            id: p.id,
            campaign: p.name,
            reason: p.paused_reason,
          })),
        };
      });
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const out = process.stdout;
      out.write(
        report.mode === 'smtp'
          ? `Mail goes through the relay ${report.relay ?? ''} (quota: ${report.quota.perMinute || 'no limit'} a minute, ${report.quota.perDay || 'no limit'} a day)\n`
          : `No relay is set up: mail is written as .eml files to ${report.logDir ?? ''}\n`,
      );
      out.write(
        `Outbox: ${Object.entries(report.outbox)
          .map(([state, n]) => `${n} ${state}`)
          .join(', ')}\n`,
      );
      for (const p of report.pausedMailings)
        out.write(`Paused: mailing ${p.id} of “${p.campaign}”: ${p.reason ?? ''}\n`);
    });

  email
    .command('check-relay')
    .description('Connect and sign in to the mail relay with the saved settings')
    .action(async () => {
      const message = await withSystemCtx(async (ctx, config) => {
        const settings = await loadMailConfig(ctx.db, mailDepsOf(config));
        if (settings.mode !== 'smtp') return 'No relay is set up: mail is written to files.';
        const transport = createSmtpTransport(settings);
        try {
          await transport.verify();
          return `Connected and signed in to ${settings.host}:${settings.port}.`;
        } finally {
          transport.close();
        }
      });
      process.stdout.write(`${message}\n`);
    });
}
