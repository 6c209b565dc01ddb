import { describe, expect, it } from 'vitest';
import { scheduleToIso } from './schedule';

describe('scheduleToIso', () => {
  it('reads the local time as the reader’s own', () => {
    expect(scheduleToIso('2030-05-01T09:30')).toBe(new Date(2030, 4, 1, 9, 30).toISOString());
  });

  it('gives nothing for an empty or broken value', () => {
    expect(scheduleToIso('')).toBeUndefined();
    expect(scheduleToIso('  ')).toBeUndefined();
    expect(scheduleToIso('not a date')).toBeUndefined();
  });
});
