import type { Db, SuppressionReason } from '../../db/database.js';
import type { z } from 'zod';
import type { suppressionSchema } from '../../shared/schemas/email.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, notFound } from '../errors.js';
import { assertRole } from '../policy.js';
import { normaliseAddress } from './address.js';

/**
 * Addresses that get no more mail: unsubscribed, hard-bounced, complained, or stopped by staff.
 * Kept by address, across campaigns and re-imports (TRUST CA-2, CA-4).
 */

/**
 * Suppresses an address and cancels the mail still queued to it, at once (CA-2). The first
 * reason recorded is kept.
 */
export async function suppressAddress(
  ctx: Ctx,
  entry: { address: string; reason: SuppressionReason; detail?: string; outboxId?: number },
): Promise<{ cancelled: number }> {
  const address = normaliseAddress(entry.address);
  return inTransaction(ctx, async (tx) => {
    const now = tx.now().toISOString();
    await tx.db
      .insertInto('email_suppressions')
      .values({
        address,
        reason: entry.reason,
        detail: entry.detail ?? null,
        outbox_id: entry.outboxId ?? null,
        created_by: tx.actor?.id ?? null,
        created_at: now,
      })
      .onConflict((oc) => oc.column('address').doNothing())
      .execute();
    const cancelled = await tx.db
      .updateTable('outbox')
      .set({
        state: 'cancelled',
        last_error: `address ${entry.reason}`,
        dedupe_key: null,
        updated_at: now,
      })
      .where('state', '=', 'queued')
      .where((eb) => eb(eb.fn('lower', ['to_address']), '=', address))
      .executeTakeFirst();
    const count = Number(cancelled.numUpdatedRows);
    await recordAudit(tx, {
      action: 'email.suppress',
      objectType: 'email_address',
      objectId: address,
      details: { reason: entry.reason, cancelled: count },
    });
    return { cancelled: count };
  });
}

/** The suppressed addresses among `addresses` (lower-cased), with their reason. */
export async function suppressionsOf(
  db: Db,
  addresses: string[],
): Promise<Map<string, SuppressionReason>> {
  const found = new Map<string, SuppressionReason>();
  const unique = [...new Set(addresses.map(normaliseAddress))];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('email_suppressions')
      .select(['address', 'reason'])
      .where('address', 'in', unique.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.address, row.reason);
  }
  return found;
}

type Suppression = z.infer<typeof suppressionSchema>;

export async function listSuppressions(ctx: Ctx): Promise<Suppression[]> {
  assertRole(ctx, 'admin', 'coordinator');
  const rows = await ctx.db
    .selectFrom('email_suppressions')
    .select(['address', 'reason', 'detail', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(1000)
    .execute();
  await recordAudit(ctx, { action: 'email_suppression.list', objectType: 'email_address' });
  return rows.map((r) => ({
    address: r.address,
    reason: r.reason,
    detail: r.detail,
    createdAt: r.created_at,
  }));
}

/**
 * Lets mail reach an address again after a bounce was fixed or a manual stop lifted. Unsubscribes
 * and complaints are the patron's own choice and only the patron can undo them.
 * @throws NOT_FOUND, CONFLICT, FORBIDDEN
 */
export async function removeSuppression(ctx: Ctx, rawAddress: string): Promise<void> {
  assertRole(ctx, 'admin');
  const address = normaliseAddress(rawAddress);
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('email_suppressions')
      .select('reason')
      .where('address', '=', address)
      .executeTakeFirst();
    if (!row) throw notFound('Suppressed address', address);
    if (row.reason === 'unsubscribed' || row.reason === 'complaint')
      throw new AppError(
        'CONFLICT',
        'This patron unsubscribed or complained; only they can ask for mail again',
      );
    await tx.db.deleteFrom('email_suppressions').where('address', '=', address).execute();
    await recordAudit(tx, {
      action: 'email_suppression.remove',
      objectType: 'email_address',
      objectId: address,
      details: { reason: row.reason },
    });
  });
}
