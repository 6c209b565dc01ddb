import { parseBoolean } from '../normalise/booleans.js';
import { parseDate } from '../normalise/dates.js';
import type { PatronStatus } from '../types.js';
import { headerKey } from './headers.js';
import type { RowContext } from './types.js';

/** Status words of generic lists, in English and French. */
const STATUS_WORDS: Record<string, PatronStatus> = {
  active: 'active',
  actif: 'active',
  ok: 'active',
  valid: 'active',
  expired: 'expired',
  expire: 'expired',
  expiree: 'expired',
  inactive: 'inactive',
  inactif: 'inactive',
  closed: 'inactive',
  ferme: 'inactive',
  barred: 'barred',
  blocked: 'barred',
  bloque: 'barred',
  bloquee: 'barred',
  banned: 'barred',
  interdit: 'barred',
  suspended: 'barred',
  suspendu: 'barred',
  restricted: 'barred',
};

export function statusFromWord(value: string): PatronStatus | undefined {
  return STATUS_WORDS[headerKey(value)];
}

export function barredFromBoolean(
  value: string,
  ctx: RowContext,
  column: string,
): boolean | undefined {
  const parsed = parseBoolean(value);
  if (parsed.problem !== undefined) ctx.report(column, value, parsed.problem);
  return parsed.value;
}

/**
 * A restriction that lasts until a date (Koha `debarred`): barred while the date is today or
 * later; 9999-12-31 means indefinitely. A yes/no value is read too.
 */
export function barredUntilDate(
  value: string,
  ctx: RowContext,
  column: string,
): boolean | undefined {
  const date = parseDate(value, { order: 'ymd' });
  if (date.value !== null) return date.value >= ctx.today;
  return barredFromBoolean(value, ctx, column);
}

/** A block code (Sierra MBLOCK): blank or "-" means none; any other code blocks the patron. */
export function barredByCode(value: string): boolean | undefined {
  const code = value.trim();
  return code.length > 0 && code !== '-';
}

export interface StatusInputs {
  barred: boolean | undefined;
  active: boolean | undefined;
  stated: PatronStatus | undefined;
  expiryDate: string | null;
  today: string;
}

/** Barred wins, then inactive, then expired (stated or by date), then active. */
export function deriveStatus(inputs: StatusInputs): PatronStatus {
  if (inputs.barred === true || inputs.stated === 'barred') return 'barred';
  if (inputs.active === false || inputs.stated === 'inactive') return 'inactive';
  if (inputs.expiryDate !== null && inputs.expiryDate < inputs.today) return 'expired';
  if (inputs.stated === 'expired') return 'expired';
  return 'active';
}
