import { describe, expect, it } from 'vitest';
import { firstCallAt } from './EnrolRecurringDialog';

describe('the first recurring call', () => {
  it('is the day and time chosen, where the staff member is', () => {
    const at = firstCallAt('2026-03-09', '10:30');
    expect(at).toBe(new Date(2026, 2, 9, 10, 30).toISOString());
  });

  it('is nothing for a day or time that is not one', () => {
    expect(firstCallAt('2026-02-30', '10:30')).toBeUndefined();
    expect(firstCallAt('2026-03-09', '9h')).toBeUndefined();
    expect(firstCallAt('', '')).toBeUndefined();
  });
});
