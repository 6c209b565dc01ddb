// What a call that hands something on costs (issue: follow-ups): recordOutcome with a concern
// (an escalation), an information request and a wanted service that raises a task (two tasks),
// against the same call with none of them, alternated on the same campaign in the same process.
import { claimNextPatron } from '../src/core/calling/claims.service.js';
import { recordOutcome } from '../src/core/calling/outcomes.service.js';
import { createCampaign } from '../src/core/campaigns/campaigns.service.js';
import { launchCampaign } from '../src/core/campaigns/call-list.service.js';
import { ensureStarterContent } from '../src/core/campaigns/starter-content.js';
import { silentLog, type Ctx } from '../src/core/context.js';
import { getWorkSummary } from '../src/core/followups/work.service.js';
import { listEscalations } from '../src/core/followups/escalations.service.js';
import { listTasks } from '../src/core/followups/tasks.service.js';
import type { DatabaseConfig } from '../src/config/env.js';
import { openDatabase } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createPatron } from '../tests/helpers/factories.js';

export interface FollowUpBenchResult {
  calls: number;
  plain: { p50: number; p95: number };
  handOn: { p50: number; p95: number };
  /** Reads of the "My work" page's data with `calls` tasks and escalations in the database. */
  summary: { p50: number; p95: number };
  tasksList: { p50: number; p95: number };
  escalationsList: { p50: number; p95: number };
}

const quantile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
};
const summarise = (values: number[]) => ({
  p50: quantile(values, 0.5),
  p95: quantile(values, 0.95),
});

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchFollowUps(
  config: DatabaseConfig,
  calls: number,
): Promise<FollowUpBenchResult> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const system: Ctx = { db: database.db, actor: null, now: () => new Date(), log: silentLog };
    await ensureStarterContent(system);
    const now = new Date().toISOString();
    const users = await database.db
      .insertInto('users')
      .values(
        (['coordinator', 'caller'] as const).map((role) => ({
          email: `${role}@bench.example.org`,
          name: `Bench ${role}`,
          role,
          language: 'en',
          password_hash: 'x',
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'name', 'email', 'role'])
      .execute();
    const [coordinator, caller] = users.map((u) => ({
      ...u,
      role: u.role as 'coordinator' | 'caller',
    }));
    if (coordinator === undefined || caller === undefined) throw new Error('no staff');
    for (let i = 0; i < calls * 2; i++)
      await createPatron(database.db, { firstName: `Patron${i}`, phone: `+1905${2_000_000 + i}` });
    const coordinatorCtx: Ctx = { ...system, actor: coordinator };
    const script = await database.db.selectFrom('scripts').select('id').executeTakeFirstOrThrow();
    const campaign = await createCampaign(coordinatorCtx, {
      name: 'Bench',
      purpose: 'Bench',
      legalAuthority: 'Bench',
      contact: 'Bench',
      scriptId: script.id,
      callingHours: {
        weekdayStart: '00:00',
        weekdayEnd: '23:59',
        weekendStart: '00:00',
        weekendEnd: '23:59',
      },
    });
    await launchCampaign(coordinatorCtx, campaign.id);
    const callerCtx: Ctx = { ...system, actor: caller };
    const plain: number[] = [];
    const handOn: number[] = [];
    for (let i = 0; i < calls * 2; i++) {
      const claim = await claimNextPatron(callerCtx, campaign.id);
      if (claim.status !== 'claimed') throw new Error(`no patron: ${claim.reason}`);
      const patronId = claim.call.patrons[0]?.patronId ?? 0;
      const full = i % 2 === 1;
      const ms = await timed(() =>
        recordOutcome(callerCtx, claim.call.claimId, {
          token: claim.call.token,
          outcomes: [
            {
              patronId,
              outcome: 'reached',
              servicesToldAbout: ['eresources', 'curbside'],
              servicesWanted: full ? ['eresources', 'curbside'] : ['curbside'],
              ...(full
                ? {
                    concern: { level: 'urgent' as const, note: 'Alone, no food in the house.' },
                    informationRequest: 'Send the link to the e-book app',
                  }
                : {}),
            },
          ],
        }),
      );
      (full ? handOn : plain).push(ms);
    }
    const summary: number[] = [];
    const tasksList: number[] = [];
    const escalationsList: number[] = [];
    for (let i = 0; i < 50; i++) {
      summary.push(await timed(() => getWorkSummary(coordinatorCtx)));
      tasksList.push(await timed(() => listTasks(callerCtx, { scope: 'mine', limit: 200 })));
      escalationsList.push(await timed(() => listEscalations(coordinatorCtx, { limit: 200 })));
    }
    return {
      calls,
      plain: summarise(plain.slice(10)),
      handOn: summarise(handOn.slice(10)),
      summary: summarise(summary.slice(5)),
      tasksList: summarise(tasksList.slice(5)),
      escalationsList: summarise(escalationsList.slice(5)),
    };
  } finally {
    await database.close();
  }
}
