import type { EmailEventKind } from '../../db/database.js';
import type { z } from 'zod';
import type { bounceWebhookInput, emailEventSchema } from '../../shared/schemas/email.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { assertRole } from '../policy.js';
import { classifyMessage, type DeliveryReport } from './bounces/classify.js';
import { readBounceMailbox, type BounceMailboxConfig } from './bounces/mailbox.js';
import { suppressAddress } from './suppressions.js';

/**
 * Delivery reports after the relay accepted a message: hard bounces and complaints suppress the
 * address and mark the message bounced; soft bounces are recorded (the relay retries them);
 * auto-replies are ignored. The raw report is kept for review.
 */

const SUPPRESSING: Partial<Record<EmailEventKind, 'hard_bounce' | 'complaint'>> = {
  hard_bounce: 'hard_bounce',
  complaint: 'complaint',
};

const withBrackets = (id: string) => (id.startsWith('<') ? id : `<${id}>`);

/** Records a report and applies it. Returns the event id, or null for auto-replies (ignored). */
export async function recordDeliveryReport(
  ctx: Ctx,
  report: DeliveryReport,
  source: 'imap' | 'webhook',
  raw: string,
): Promise<number | null> {
  if (report.kind === 'auto_reply') return null;
  return inTransaction(ctx, async (tx) => {
    const message =
      report.originalMessageId === null
        ? undefined
        : await tx.db
            .selectFrom('outbox')
            .select(['id', 'to_address', 'state'])
            .where('message_id', '=', withBrackets(report.originalMessageId))
            .executeTakeFirst();
    // Without our Message-ID, a report names addresses only; trust it only for addresses we mailed.
    const addresses = message ? [message.to_address] : report.recipients;
    const event = await tx.db
      .insertInto('email_events')
      .values({
        outbox_id: message?.id ?? null,
        message_id: report.originalMessageId,
        address: addresses[0] ?? null,
        kind: report.kind,
        status: report.status,
        diagnostic: report.diagnostic,
        source,
        raw: raw.slice(0, 200_000),
        received_at: tx.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const reason = SUPPRESSING[report.kind];
    if (reason !== undefined) {
      if (message && message.state === 'sent')
        await tx.db
          .updateTable('outbox')
          .set({
            state: 'bounced',
            last_error: report.diagnostic ?? report.status ?? report.kind,
            updated_at: tx.now().toISOString(),
          })
          .where('id', '=', message.id)
          .execute();
      for (const address of addresses) {
        const mailed =
          message !== undefined ||
          (await tx.db
            .selectFrom('outbox')
            .select('id')
            .where('to_address', '=', address)
            .limit(1)
            .executeTakeFirst()) !== undefined;
        if (mailed)
          await suppressAddress(tx, {
            address,
            reason,
            detail: report.diagnostic ?? report.status ?? undefined,
            ...(message && { outboxId: message.id }),
          });
      }
    }
    await recordAudit(tx, {
      action: 'email.report',
      objectType: 'email',
      objectId: message?.id ?? null,
      details: { kind: report.kind, source, status: report.status },
    });
    return event.id;
  });
}

/** Reads the bounce mailbox once, recording every report. */
export async function pollBounceMailbox(
  ctx: Ctx,
  config: BounceMailboxConfig,
): Promise<{ read: number; failed: number }> {
  return readBounceMailbox(
    config,
    async (raw, report) => {
      await recordDeliveryReport(ctx, report, 'imap', raw.toString('utf8'));
    },
    { log: ctx.log },
  );
}

/** A report posted to the webhook: a whole DSN message, or the JSON a mail service sends. */
export async function receiveWebhookReport(
  ctx: Ctx,
  body: z.infer<typeof bounceWebhookInput> | string,
): Promise<number | null> {
  if (typeof body === 'string')
    return recordDeliveryReport(ctx, await classifyMessage(body), 'webhook', body);
  return recordDeliveryReport(
    ctx,
    {
      kind: body.type,
      recipients: [body.recipient.toLowerCase()],
      originalMessageId: body.messageId === undefined ? null : withBrackets(body.messageId),
      status: body.status ?? null,
      diagnostic: body.diagnostic ?? null,
    },
    'webhook',
    JSON.stringify(body),
  );
}

type EmailEvent = z.infer<typeof emailEventSchema>;

export async function listEmailEvents(ctx: Ctx): Promise<EmailEvent[]> {
  assertRole(ctx, 'admin', 'coordinator');
  const rows = await ctx.db
    .selectFrom('email_events')
    .select([
      'id',
      'outbox_id',
      'message_id',
      'address',
      'kind',
      'status',
      'diagnostic',
      'source',
      'received_at',
    ])
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    outboxId: r.outbox_id,
    messageId: r.message_id,
    address: r.address,
    kind: r.kind,
    status: r.status,
    diagnostic: r.diagnostic,
    source: r.source,
    receivedAt: r.received_at,
  }));
}
