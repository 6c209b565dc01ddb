import type { UnsubscribeInfo } from '../../shared/schemas/email.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { getLibrarySettings } from '../library/library.service.js';
import { maskAddress, normaliseAddress } from './address.js';
import { suppressAddress } from './suppressions.js';

/**
 * One-click unsubscribe (TRUST CA-1, CA-2; RFC 8058). The link in each message carries a random
 * token; it works without signing in for as long as the message is kept, takes effect at once and
 * cancels the mail still queued to that address. The public page shows only a masked address.
 */

async function messageOf(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return undefined;
  return db
    .selectFrom('outbox')
    .select(['id', 'to_address', 'language'])
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
}

async function info(
  db: Db,
  message: { to_address: string; language: string },
): Promise<UnsubscribeInfo> {
  const suppressed = await db
    .selectFrom('email_suppressions')
    .select('reason')
    .where('address', '=', normaliseAddress(message.to_address))
    .executeTakeFirst();
  return {
    maskedAddress: maskAddress(message.to_address),
    libraryName: (await getLibrarySettings(db)).name,
    language: message.language,
    unsubscribed: suppressed !== undefined,
  };
}

/** @throws NOT_FOUND (unknown or malformed token) */
export async function getUnsubscribeInfo(ctx: Ctx, token: string): Promise<UnsubscribeInfo> {
  const message = await messageOf(ctx.db, token);
  if (!message) throw notFound('Unsubscribe link', 'given');
  return info(ctx.db, message);
}

/** Unsubscribes the address the message went to. Idempotent. @throws NOT_FOUND */
export async function unsubscribe(
  ctx: Ctx,
  token: string,
  via: 'page' | 'one-click',
): Promise<UnsubscribeInfo> {
  return inTransaction(ctx, async (tx) => {
    const message = await messageOf(tx.db, token);
    if (!message) throw notFound('Unsubscribe link', 'given');
    const { cancelled } = await suppressAddress(tx, {
      address: message.to_address,
      reason: 'unsubscribed',
      detail: via,
      outboxId: message.id,
    });
    await recordAudit(tx, {
      action: 'email.unsubscribe',
      objectType: 'email',
      objectId: message.id,
      details: { via, cancelled },
    });
    return info(tx.db, message);
  });
}
