/**
 * Helpers for layout hooks that read columns beyond the one-column-per-field mapping (a third
 * phone, a second e-mail, FOLIO's numbered addresses).
 */
import { parseEmails } from '../normalise/email.js';
import { parsePhones } from '../normalise/phone.js';
import type { ImportedPatron, PhoneKind } from '../types.js';
import { headerKey } from './headers.js';
import type { LayoutHooks, RowContext } from './types.js';

/** The header of the row whose key matches `name`, or undefined. */
export function findHeader(ctx: RowContext, name: string): string | undefined {
  const key = headerKey(name);
  return Object.keys(ctx.row.cells).find((header) => headerKey(header) === key);
}

/** The trimmed, non-empty cell under a header written any way, with the header found. */
export function findCell(
  ctx: RowContext,
  name: string,
): { header: string; value: string } | undefined {
  const header = findHeader(ctx, name);
  if (header === undefined) return undefined;
  const value = ctx.row.cells[header]?.trim() ?? '';
  return value.length === 0 ? undefined : { header, value };
}

function isMapped(ctx: RowContext, header: string): boolean {
  return Object.values(ctx.mapping).includes(header);
}

/** Adds phones from extra columns (unless mapped already), skipping numbers already present. */
export function addPhones(
  patron: ImportedPatron,
  ctx: RowContext,
  columns: readonly (readonly [string, PhoneKind])[],
): void {
  for (const [name, kind] of columns) {
    const cell = findCell(ctx, name);
    if (cell === undefined || isMapped(ctx, cell.header)) continue;
    for (const phone of parsePhones(cell.value, kind, ctx.defaultRegion)) {
      const duplicate = patron.phones.some(
        (known) =>
          (known.e164 ?? known.raw) === (phone.e164 ?? phone.raw) &&
          known.extension === phone.extension,
      );
      if (duplicate) continue;
      patron.phones.push(phone);
      if (!phone.valid) {
        ctx.report(
          cell.header,
          phone.raw,
          `not a valid phone number for ${ctx.defaultRegion}; kept as written`,
        );
      }
    }
  }
}

/** Adds e-mails from extra columns (unless mapped already); invalid ones are reported. */
export function addEmails(
  patron: ImportedPatron,
  ctx: RowContext,
  columns: readonly string[],
): void {
  for (const name of columns) {
    const cell = findCell(ctx, name);
    if (cell === undefined || isMapped(ctx, cell.header)) continue;
    const parsed = parseEmails(cell.value);
    for (const email of parsed.emails)
      if (!patron.emails.includes(email)) patron.emails.push(email);
    for (const bad of parsed.invalid)
      ctx.report(cell.header, bad, 'not a valid e-mail address; not kept');
  }
}

/** Runs several refine hooks in order. */
export function refineAll(
  ...steps: NonNullable<LayoutHooks['refine']>[]
): NonNullable<LayoutHooks['refine']> {
  return (patron, ctx) => {
    for (const step of steps) step(patron, ctx);
  };
}
