import { ImapFlow } from 'imapflow';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDovecot, type TestDovecot } from '../../../../tests/helpers/dovecot.js';
import type { DeliveryReport, ReportKind } from './classify.js';
import {
  checkBounceMailbox,
  PROCESSED_MAILBOX,
  readBounceMailbox,
  type BounceMailboxConfig,
} from './mailbox.js';
import { arfComplaint, outOfOfficeEnglish, postfixDsn } from './test-fixtures.js';

let server: TestDovecot;
let config: BounceMailboxConfig;

beforeAll(async () => {
  server = await startDovecot();
});

afterAll(async () => {
  await server.stop();
});

beforeEach(async (context) => {
  // Each test reads its own mailbox, so what one leaves behind does not reach the next.
  const mailbox = `Bounces-${context.task.id}`;
  config = {
    host: server.host,
    port: server.port,
    security: 'none',
    username: server.username,
    password: server.password,
    mailbox,
  };
  await withClient((client) => client.mailboxCreate(mailbox));
});

describe('readBounceMailbox', () => {
  it('hands over each report with its kind and files it in Processed', async () => {
    await server.append(postfixDsn('<m1@library.example>', 'jane@example.org'), config.mailbox);
    await server.append(arfComplaint('<m2@library.example>', 'lee@yahoo.example'), config.mailbox);
    await server.append(outOfOfficeEnglish('<m3@library.example>'), config.mailbox);
    await withClient((client) => client.mailboxDelete(PROCESSED_MAILBOX).catch(() => null));
    expect(await messageCount(PROCESSED_MAILBOX)).toBeNull();

    const handled: { raw: string; report: DeliveryReport }[] = [];
    const result = await readBounceMailbox(config, async (raw, report) => {
      handled.push({ raw: raw.toString('utf8'), report });
      await Promise.resolve();
    });

    expect(result).toEqual({ read: 3, failed: 0 });
    expect(handled.map((h) => [h.report.kind, h.report.originalMessageId])).toEqual([
      ['hard_bounce', '<m1@library.example>'],
      ['complaint', '<m2@library.example>'],
      ['auto_reply', '<m3@library.example>'],
    ] satisfies [ReportKind, string][]);
    expect(handled[0]!.report.recipients).toEqual(['jane@example.org']);
    expect(handled[0]!.raw).toContain('Subject: Undelivered Mail Returned to Sender');
    expect(await messageCount(config.mailbox)).toBe(0);
    expect(await messageCount(PROCESSED_MAILBOX)).toBe(3);

    expect(await readBounceMailbox(config, () => Promise.reject(new Error('never')))).toEqual({
      read: 0,
      failed: 0,
    });
  });

  it('leaves a message whose handler throws unseen for the next run', async () => {
    await server.append(postfixDsn('<fail@library.example>'), config.mailbox);
    await server.append(postfixDsn('<ok@library.example>'), config.mailbox);
    const warnings: object[] = [];
    const log = { warn: (obj: object) => warnings.push(obj) };

    const first = await readBounceMailbox(
      config,
      async (_raw, report) => {
        await Promise.resolve();
        if (report.originalMessageId === '<fail@library.example>') throw new Error('db down');
      },
      { log },
    );
    expect(first).toEqual({ read: 1, failed: 1 });
    expect(warnings).toHaveLength(1);
    expect(await messageCount(config.mailbox, { unseen: true })).toBe(1);

    const seen: (string | null)[] = [];
    const second = await readBounceMailbox(config, async (_raw, report) => {
      seen.push(report.originalMessageId);
      await Promise.resolve();
    });
    expect(second).toEqual({ read: 1, failed: 0 });
    expect(seen).toEqual(['<fail@library.example>']);
    expect(await messageCount(config.mailbox)).toBe(0);
  });

  it('reads no more than the limit per run, oldest first', async () => {
    for (const id of ['<l1@x.example>', '<l2@x.example>', '<l3@x.example>']) {
      await server.append(postfixDsn(id), config.mailbox);
    }
    const ids: (string | null)[] = [];
    const handle = async (_raw: Buffer, report: DeliveryReport): Promise<void> => {
      ids.push(report.originalMessageId);
      await Promise.resolve();
    };
    expect(await readBounceMailbox(config, handle, { limit: 2 })).toEqual({ read: 2, failed: 0 });
    expect(await readBounceMailbox(config, handle, { limit: 2 })).toEqual({ read: 1, failed: 0 });
    expect(ids).toEqual(['<l1@x.example>', '<l2@x.example>', '<l3@x.example>']);
  });

  it('skips messages already seen (read by a person in a mail client)', async () => {
    await server.append(postfixDsn('<seen@library.example>'), config.mailbox);
    await withClient(async (client) => {
      await client.mailboxOpen(config.mailbox);
      await client.messageFlagsAdd('1:*', ['\\Seen']);
    });
    expect(await readBounceMailbox(config, () => Promise.resolve())).toEqual({
      read: 0,
      failed: 0,
    });
    expect(await messageCount(config.mailbox)).toBe(1);
  });

  it('refuses to use Processed itself as the bounce mailbox', async () => {
    await expect(
      readBounceMailbox({ ...config, mailbox: 'processed' }, () => Promise.resolve()),
    ).rejects.toThrow(/cannot be "Processed"/);
  });

  it('says clearly when the mailbox does not exist', async () => {
    await expect(
      readBounceMailbox({ ...config, mailbox: 'Nowhere' }, () => Promise.resolve()),
    ).rejects.toThrow(
      `Signed in to 127.0.0.1:${server.port}, but there is no mailbox "Nowhere" there.`,
    );
  });

  it('says clearly when the password is wrong', async () => {
    await expect(
      readBounceMailbox({ ...config, password: 'wrong' }, () => Promise.resolve()),
    ).rejects.toThrow(
      `The mail server at 127.0.0.1:${server.port} rejected the user name or password`,
    );
  });
});

describe('checkBounceMailbox', () => {
  it('passes with the right settings', async () => {
    await expect(checkBounceMailbox(config)).resolves.toBeUndefined();
  });

  it('says the user name or password was rejected', async () => {
    await expect(checkBounceMailbox({ ...config, password: 'wrong' })).rejects.toThrow(
      `The mail server at 127.0.0.1:${server.port} rejected the user name or password for "bounces".`,
    );
  });

  it('says nothing accepts connections on an unreachable port', async () => {
    const port = await closedPort();
    await expect(checkBounceMailbox({ ...config, port })).rejects.toThrow(
      `Nothing accepts connections at 127.0.0.1:${port} (connection refused): check the host name and port.`,
    );
  });

  it('says when the mailbox does not exist', async () => {
    await expect(checkBounceMailbox({ ...config, mailbox: 'Nowhere' })).rejects.toThrow(
      `Signed in to 127.0.0.1:${server.port}, but there is no mailbox "Nowhere" there.`,
    );
  });

  it('names the TLS problem when TLS is asked of a plain port', async () => {
    await expect(checkBounceMailbox({ ...config, security: 'tls' })).rejects.toThrow(
      /^TLS problem with 127\.0\.0\.1:\d+: the server does not speak TLS on this port/,
    );
    await expect(checkBounceMailbox({ ...config, security: 'starttls' })).rejects.toThrow(
      /^TLS problem with 127\.0\.0\.1:\d+: STARTTLS failed or is not offered/,
    );
  });

  it('keeps the underlying error as the cause', async () => {
    const error = await checkBounceMailbox({ ...config, port: await closedPort() }).catch(
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });
});

async function withClient<T>(use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = new ImapFlow({
    host: server.host,
    port: server.port,
    secure: false,
    doSTARTTLS: false,
    auth: { user: server.username, pass: server.password },
    logger: false,
    disableAutoIdle: true,
  });
  client.on('error', () => {});
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout();
  }
}

/** Messages (or unseen ones) in a mailbox; null when there is no such mailbox. */
async function messageCount(mailbox: string, query = { unseen: false }): Promise<number | null> {
  return withClient(async (client) => {
    const exists = (await client.list()).some((m) => m.path === mailbox);
    if (!exists) return null;
    const status = await client.status(mailbox, { messages: true, unseen: true });
    if (status === false) throw new Error(`no status for ${mailbox}`);
    return (query.unseen ? status.unseen : status.messages) ?? 0;
  });
}

/** A port nothing listens on: bound by us for a moment, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      );
    });
  });
}
