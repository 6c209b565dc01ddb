import { afterEach, beforeEach, vi } from 'vitest';

/** Tests fail on any unexpected console.error or console.warn: they usually hide a real problem. */
let spies: ReturnType<typeof vi.spyOn>[] = [];

beforeEach(() => {
  spies = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
});

afterEach(() => {
  const calls = spies.flatMap((spy) => spy.mock.calls);
  for (const spy of spies) spy.mockRestore();
  if (calls.length > 0) {
    throw new Error(`Unexpected console output:\n${calls.map((c) => c.map(String).join(' ')).join('\n')}`);
  }
});
