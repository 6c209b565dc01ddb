import type { Command } from 'commander';
import { purgeSensitiveNotes } from '../../core/followups/retention.js';
import { withSystemCtx } from '../context.js';

/** Follow-ups at a glance, and the retention purge of sensitive notes (TRUST PR-3). */
export function registerFollowUpCommands(program: Command): void {
  program
    .command('followups')
    .description('Follow-ups at a glance: tasks, escalations, referrals and recurring calls')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const report = await withSystemCtx(async (ctx) => {
        const now = ctx.now().toISOString();
        const tasks = await ctx.db
          .selectFrom('tasks')
          .select((eb) => [
            eb.fn.countAll<number>().as('active'),
            eb.fn.countAll<number>().filterWhere('due_at', '<', now).as('overdue'),
            eb.fn.countAll<number>().filterWhere('owner_id', 'is', null).as('unassigned'),
          ])
          .where('status', 'in', ['open', 'in_progress'])
          .executeTakeFirstOrThrow();
        const escalations = await ctx.db
          .selectFrom('escalations')
          .select((eb) => [
            eb.fn.countAll<number>().filterWhere('status', '=', 'open').as('waiting'),
            eb.fn
              .countAll<number>()
              .filterWhere((w) => w.and([w('status', '=', 'open'), w('level', '=', 'urgent')]))
              .as('urgentWaiting'),
            eb.fn.countAll<number>().filterWhere('status', '=', 'acknowledged').as('acknowledged'),
          ])
          .executeTakeFirstOrThrow();
        const recurring = await ctx.db
          .selectFrom('recurring_calls')
          .select((eb) => [
            eb.fn.countAll<number>().as('active'),
            eb.fn.countAll<number>().filterWhere('next_call_at', '<=', now).as('due'),
          ])
          .where('status', '=', 'active')
          .executeTakeFirstOrThrow();
        const referrals = await ctx.db
          .selectFrom('referrals')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        return {
          tasks: { ...tasks },
          escalations: { ...escalations },
          recurringCalls: { ...recurring },
          referrals: referrals.n,
        };
      });
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      const out = process.stdout;
      out.write(
        `Tasks: ${report.tasks.active} open (${report.tasks.overdue} overdue, ${report.tasks.unassigned} waiting for a team member)\n`,
      );
      out.write(
        `Escalations: ${report.escalations.waiting} waiting (${report.escalations.urgentWaiting} urgent), ${report.escalations.acknowledged} acknowledged\n`,
      );
      out.write(
        `Recurring calls: ${report.recurringCalls.active} patrons enrolled, ${report.recurringCalls.due} calls due\n`,
      );
      out.write(`Referrals made: ${report.referrals}\n`);
    });

  const retention = program
    .command('retention')
    .description('Retention rules: remove sensitive notes once kept long enough');
  retention
    .command('purge')
    .description(
      'Empty concern, referral and task notes of cases closed longer than the library keeps them (Settings → Library); the counts stay',
    )
    .option('--dry-run', 'only count what would be removed')
    .option('--json', 'print JSON')
    .action(async (opts: { dryRun?: boolean; json?: boolean }) => {
      const counts = await withSystemCtx((ctx) =>
        purgeSensitiveNotes(ctx, { dryRun: opts.dryRun === true }),
      );
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(counts, null, 2)}\n`);
        return;
      }
      const verb = opts.dryRun === true ? 'Would empty' : 'Emptied';
      process.stdout.write(
        `${verb} the notes of ${counts.escalations} escalations, ${counts.referrals} referrals and ${counts.tasks} tasks closed before ${counts.cutoff}.\n`,
      );
    });
}
