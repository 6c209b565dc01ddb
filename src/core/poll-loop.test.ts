import { describe, expect, it } from 'vitest';
import { PollLoop } from './poll-loop.js';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the polling loop', () => {
  it('runs rounds, waits as asked, wakes at once, keeps going after a failure, and stops', async () => {
    let rounds = 0;
    const errors: unknown[] = [];
    const loop = new PollLoop(
      () => {
        rounds += 1;
        // A long wait: only wake() brings the next round.
        return rounds === 2 ? Promise.reject(new Error('database away')) : Promise.resolve(60_000);
      },
      (error) => errors.push(error),
      60_000,
    );
    loop.start();
    await settle();
    expect(rounds).toBe(1);
    loop.wake();
    await settle();
    expect([rounds, errors]).toEqual([2, [new Error('database away')]]);
    loop.wake();
    await settle();
    expect(rounds).toBe(3);
    await loop.stop();
    loop.wake();
    await settle();
    expect(rounds).toBe(3);
  });
});
