import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testClock, testCtx } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { startDovecot, type TestDovecot } from '../../../tests/helpers/dovecot.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { testMailDeps } from '../../../tests/helpers/http.js';
import type { Ctx } from '../context.js';
import {
  arfComplaint,
  delayedDsn,
  outOfOfficeEnglish,
  postfixDsn,
} from './bounces/test-fixtures.js';
import { recordDeliveryReport } from './bounces.service.js';
import type { MailDeps } from './mail-deps.js';
import { updateMailSettings } from './settings.service.js';
import { MailWorker } from './worker.js';

let t: TestDatabase;
let imap: TestDovecot;
let ctx: Ctx;
let mail: MailDeps;

beforeEach(async () => {
  t = await createTestDb();
  imap = await startDovecot();
  ctx = testCtx(t.db, await createStaff(t.db, 'admin'), testClock());
  mail = testMailDeps();
});
afterEach(async () => {
  await imap.stop();
  await t.destroy();
});

/** A sent message to `address`, as the worker leaves it. */
async function sentMessage(address: string): Promise<{ id: number; messageId: string }> {
  const patron = await createPatron(t.db, { emails: [address] });
  const now = new Date().toISOString();
  const messageId = `<${address.replace('@', '.')}@library.example.org>`;
  const row = await t.db
    .insertInto('outbox')
    .values({
      message_id: messageId,
      kind: 'follow_up',
      patron_id: patron.id,
      to_address: address,
      language: 'en',
      class: 'transactional',
      subject: 'The link you asked for',
      html: '<p>x</p>',
      text: 'x',
      state: 'sent',
      next_try_at: now,
      queued_by: null,
      created_at: now,
      updated_at: now,
      sent_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, messageId };
}

describe('bounce reports', () => {
  it('reads the bounce mailbox over IMAP: hard bounces and complaints suppress, the rest do not', async () => {
    const hard = await sentMessage('gone@example.org');
    const complained = await sentMessage('angry@example.org');
    const soft = await sentMessage('full@example.org');
    await imap.append(postfixDsn(hard.messageId, 'gone@example.org'));
    await imap.append(arfComplaint(complained.messageId, 'angry@example.org'));
    await imap.append(delayedDsn(soft.messageId, 'full@example.org'));
    await imap.append(outOfOfficeEnglish());
    await updateMailSettings(ctx, mail, {
      bounces: {
        enabled: true,
        host: imap.host,
        port: imap.port,
        security: 'none',
        username: imap.username,
        password: imap.password,
        mailbox: 'INBOX',
      },
    });

    const worker = new MailWorker({ db: t.db, now: () => new Date(), log: ctx.log, mail });
    await worker.pollBouncesNow();

    const rows = await t.db.selectFrom('outbox').select(['id', 'state']).orderBy('id').execute();
    expect(rows.map((r) => r.state)).toEqual(['bounced', 'bounced', 'sent']);
    const suppressed = await t.db
      .selectFrom('email_suppressions')
      .select(['address', 'reason'])
      .orderBy('address')
      .execute();
    expect(suppressed).toEqual([
      { address: 'angry@example.org', reason: 'complaint' },
      { address: 'gone@example.org', reason: 'hard_bounce' },
    ]);
    const events = await t.db
      .selectFrom('email_events')
      .select(['outbox_id', 'kind', 'source', 'raw'])
      .orderBy('id')
      .execute();
    // The auto-reply is ignored; the evidence of the others is kept as received.
    expect(events.map((e) => [e.outbox_id, e.kind, e.source])).toEqual([
      [hard.id, 'hard_bounce', 'imap'],
      [complained.id, 'complaint', 'imap'],
      [soft.id, 'soft_bounce', 'imap'],
    ]);
    expect(events[0]?.raw).toContain('Diagnostic-Code');

    // Processed messages are not read twice.
    await worker.pollBouncesNow();
    expect(await t.db.selectFrom('email_events').select('id').execute()).toHaveLength(3);
  });

  it('trusts a report without our Message-ID only for an address we mailed', async () => {
    await sentMessage('known@example.org');
    await recordDeliveryReport(
      ctx,
      {
        kind: 'hard_bounce',
        recipients: ['stranger@example.org', 'known@example.org'],
        originalMessageId: null,
        status: '5.1.1',
        diagnostic: null,
      },
      'webhook',
      'raw',
    );
    const suppressed = await t.db.selectFrom('email_suppressions').select('address').execute();
    expect(suppressed.map((s) => s.address)).toEqual(['known@example.org']);
  });
});
