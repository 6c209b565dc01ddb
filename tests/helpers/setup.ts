import { afterEach, beforeEach, vi } from 'vitest';

/** Tests fail on any unexpected console.error or console.warn: they usually hide a real problem. */
let calls: unknown[][] = [];
const record = (...args: unknown[]): void => {
  calls.push(args);
};

beforeEach(() => {
  calls = [];
  vi.spyOn(console, 'error').mockImplementation(record);
  vi.spyOn(console, 'warn').mockImplementation(record);
});

afterEach(() => {
  vi.restoreAllMocks();
  if (calls.length > 0) {
    const text = calls
      .map((args) => args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '))
      .join('\n');
    throw new Error(`Unexpected console output:\n${text}`);
  }
});
