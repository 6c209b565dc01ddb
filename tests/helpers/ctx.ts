import type { Actor, Ctx } from '../../src/core/context.js';
import { silentLog } from '../../src/core/context.js';
import type { Db } from '../../src/db/database.js';

/** A clock tests can move. */
export interface TestClock {
  now: () => Date;
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-02T15:00:00.000Z'): TestClock {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    set: (iso) => {
      t = Date.parse(iso);
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

export function testCtx(db: Db, actor: Actor | null = null, clock: TestClock = testClock()): Ctx {
  return { db, actor, now: clock.now, log: silentLog };
}
