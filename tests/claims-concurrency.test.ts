import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNextPatron, releaseClaim } from '../src/core/calling/claims.service.js';
import type { Ctx } from '../src/core/context.js';
import { silentLog } from '../src/core/context.js';
import { openDatabase, type OpenedDatabase } from '../src/db/client.js';
import { launchTestCampaign } from './helpers/campaigns.js';
import { createTestDb, TEST_ENGINE, type TestDatabase } from './helpers/db.js';
import { testCtx } from './helpers/ctx.js';
import { createPatron, createStaff } from './helpers/factories.js';

/**
 * TRUST RB-1: many callers claiming at once never hold one patron or household at the same time.
 * On PostgreSQL they go through several connection pools, as several app servers would. On SQLite
 * through the one connection of the one app server SQLite is run with (ADR 003): in one process,
 * two SQLite connections would block each other's event loop.
 */
const CALLERS = 60;
const CONNECTIONS = TEST_ENGINE === 'postgres' ? 4 : 1;
const ROUNDS = 5;

let t: TestDatabase;
const connections: OpenedDatabase[] = [];

beforeAll(async () => {
  t = await createTestDb();
  for (let i = 0; i < CONNECTIONS; i += 1) {
    connections.push(
      openDatabase(
        t.engine === 'sqlite'
          ? { engine: 'sqlite', file: t.url.slice('sqlite:'.length), synchronous: 'FULL' }
          : { engine: 'postgres', url: t.url, poolMax: 5 },
      ),
    );
  }
});
afterAll(async () => {
  for (const c of connections) await c.close();
  await t.destroy();
});

interface Hold {
  unit: string;
  caller: number;
  from: number;
  to: number;
}

describe('claims under heavy concurrency', () => {
  it('never hands one patron or household to two callers at once', async () => {
    const coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator'), {
      now: () => new Date(),
      set() {},
      advance() {},
    });
    // 40 households of two and 40 patrons alone: fewer units than callers, so they fight.
    const now = new Date().toISOString();
    for (let h = 0; h < 40; h += 1) {
      const phone = `+1905832${String(2000 + h)}`;
      const household = await t.db
        .insertInto('households')
        .values({ phone_e164: phone, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await createPatron(t.db, { phone, householdId: household.id });
      await createPatron(t.db, { phone, householdId: household.id });
    }
    for (let p = 0; p < 40; p += 1)
      await createPatron(t.db, { phone: `+1905833${String(2000 + p)}` });
    const campaign = await launchTestCampaign(coordinator);
    const staff = await Promise.all(
      Array.from({ length: CALLERS }, () => createStaff(t.db, 'caller')),
    );
    const holds: Hold[] = [];
    let claims = 0;

    const work = async (index: number) => {
      const connection = connections[index % CONNECTIONS]!;
      const ctx: Ctx = {
        db: connection.db,
        actor: staff[index]!,
        now: () => new Date(),
        log: silentLog,
      };
      for (let round = 0; round < ROUNDS; round += 1) {
        const result = await claimNextPatron(ctx, campaign.id);
        if (result.status !== 'claimed') continue;
        claims += 1;
        const from = performance.now();
        const unit = result.call.patrons
          .map((p) => p.patronId)
          .sort()
          .join('+');
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
        const to = performance.now();
        holds.push({ unit, caller: index, from, to });
        await releaseClaim(ctx, result.call.claimId, result.call.token);
      }
    };
    await Promise.all(Array.from({ length: CALLERS }, (_, i) => work(i)));

    expect(claims).toBeGreaterThan(CALLERS);
    const overlaps: string[] = [];
    const byUnit = new Map<string, Hold[]>();
    for (const hold of holds) byUnit.set(hold.unit, [...(byUnit.get(hold.unit) ?? []), hold]);
    for (const [unit, list] of byUnit) {
      list.sort((a, b) => a.from - b.from);
      for (let i = 1; i < list.length; i += 1) {
        if (list[i]!.from < list[i - 1]!.to)
          overlaps.push(`${unit}: callers ${list[i - 1]!.caller} and ${list[i]!.caller}`);
      }
    }
    // Households are always claimed whole.
    expect([...byUnit.keys()].every((unit) => unit.split('+').length <= 2)).toBe(true);
    expect(overlaps).toEqual([]);
  });
});
