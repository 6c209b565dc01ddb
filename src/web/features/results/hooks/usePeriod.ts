import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/client';
import type { Period } from '../api/results';

/** A YYYY-MM-DD day that exists, else undefined. */
export function dayOf(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) ? value : undefined;
}

/** A whole-number id from the address, else undefined. */
export function idOf(value: string | null): number | undefined {
  const id = Number(value);
  return value !== null && value !== '' && Number.isInteger(id) && id > 0 ? id : undefined;
}

/**
 * The period shown lives in the address (?from=…&to=…), so back, reload and shared links keep
 * it; other parameters of the address are left as they are.
 */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const period: Period = { from: dayOf(params.get('from')), to: dayOf(params.get('to')) };
  const setPeriod = (next: Period) => {
    const search = new URLSearchParams(params);
    for (const key of ['from', 'to'] as const) {
      const day = next[key];
      if (day) search.set(key, day);
      else search.delete(key);
    }
    setParams(search);
  };
  return { period, setPeriod, params, setParams };
}

/** Whether the server refused the period (the only input the figures take besides the scope). */
export function refusedPeriod(error: unknown): boolean {
  return isApiError(error) && error.code === 'VALIDATION_FAILED';
}
