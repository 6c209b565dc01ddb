import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../../../tests/helpers/smtp-sink.js';
import {
  createSmtpTransport,
  SendError,
  type MailTransport,
  type OutgoingMessage,
  type SmtpSettings,
} from './transport.js';

let sink: SmtpSink;
const opened: MailTransport[] = [];

beforeEach(async () => {
  sink = await startSmtpSink();
});

afterEach(async () => {
  for (const transport of opened.splice(0)) transport.close();
  await sink.stop();
});

function relay(overrides: Partial<SmtpSettings> = {}, socketMs?: number): MailTransport {
  const transport = createSmtpTransport(
    {
      host: '127.0.0.1',
      port: sink.port,
      security: 'none',
      username: '',
      password: '',
      connections: 2,
      ...overrides,
    },
    socketMs ? { socketMs } : {},
  );
  opened.push(transport);
  return transport;
}

let counter = 0;
function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  counter++;
  return {
    messageId: `<care-${counter}.test@outreach.example.org>`,
    from: { name: 'Vaughan Public Libraries', address: 'care@library.example.org' },
    replyTo: 'desk@library.example.org',
    to: 'patron@example.net',
    subject: 'Checking in from your library',
    text: 'Hello from the library.',
    html: '<p>Hello from the <b>library</b>.</p>',
    headers: [
      ['List-Unsubscribe', '<https://outreach.example.org/u/abc123>'],
      ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
    ],
    ...overrides,
  };
}

async function sendError(transport: MailTransport, outgoing = message()): Promise<SendError> {
  const error: unknown = await transport.send(outgoing).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendError);
  return error as SendError;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the SMTP transport', () => {
  it('delivers our exact Message-ID, the extra headers in order, and text and html parts', async () => {
    const outgoing = message();
    const result = await relay().send(outgoing);

    expect(result.response).toMatch(/^250 /);
    const [received] = await sink.waitFor(1);
    expect(received!.messageId).toBe(outgoing.messageId);
    expect(received!.from).toBe('care@library.example.org');
    expect(received!.to).toEqual(['patron@example.net']);
    expect(received!.headers.get('list-unsubscribe')).toBe(
      '<https://outreach.example.org/u/abc123>',
    );
    expect(received!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const names = [...received!.headers.keys()];
    expect(names.indexOf('list-unsubscribe')).toBeLessThan(names.indexOf('list-unsubscribe-post'));
    expect(received!.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    expect(received!.headers.get('reply-to')).toBe('desk@library.example.org');

    const parsed = await simpleParser(received!.raw);
    expect(parsed.text?.trim()).toBe(outgoing.text);
    expect(parsed.html).toContain('<b>library</b>');
    expect(parsed.from?.value).toEqual([
      { name: 'Vaughan Public Libraries', address: 'care@library.example.org' },
    ]);
  });

  it('keeps the same Message-ID when the same outbox row is sent again', async () => {
    const transport = relay();
    const outgoing = message();
    await transport.send(outgoing);
    await transport.send(outgoing);
    const received = await sink.waitFor(2);
    expect(received.map((m) => m.messageId)).toEqual([outgoing.messageId, outgoing.messageId]);
  });

  it('sends 20 messages at once over no more than 3 connections', async () => {
    const transport = relay({ connections: 3 });
    const outgoing = Array.from({ length: 20 }, () => message());
    await Promise.all(outgoing.map((m) => transport.send(m)));

    const received = await sink.waitFor(20);
    expect(new Set(received.map((m) => m.messageId))).toEqual(
      new Set(outgoing.map((m) => m.messageId)),
    );
    expect(sink.connections).toBeGreaterThan(0);
    expect(sink.connections).toBeLessThanOrEqual(3);
  });

  it.each([421, 451] as const)('treats a %i reply as temporary and keeps working', async (code) => {
    const transport = relay();
    sink.failNext({ kind: 'reply', code });

    const error = await sendError(transport);
    expect(error).toMatchObject({ permanent: false, code, suppress: false });
    expect(error.message).toContain(String(code));

    await transport.send(message());
    expect(sink.messages).toHaveLength(1);
  });

  it('treats a 4xx refusal of the recipient as temporary', async () => {
    sink.failNext({ kind: 'reply', code: 452, at: 'rcpt' });
    const error = await sendError(relay());
    expect(error).toMatchObject({ permanent: false, code: 452, suppress: false });
  });

  it('suppresses a mailbox the relay says does not exist (550 5.1.1 at RCPT TO)', async () => {
    sink.failRecipient('gone@example.net', {
      kind: 'reply',
      code: 550,
      message: '5.1.1 <gone@example.net>: Recipient address rejected: User unknown',
      at: 'rcpt',
    });
    const error = await sendError(relay(), message({ to: 'gone@example.net' }));

    expect(error).toMatchObject({ permanent: true, code: 550, suppress: true, relay: false });
    expect(error.message).toContain('5.1.1 <gone@example.net>: Recipient address rejected');
  });

  it('suppresses on 550 user unknown after DATA too', async () => {
    sink.failNext({ kind: 'reply', code: 550, message: '5.1.1 user unknown' });
    const error = await sendError(relay());
    expect(error).toMatchObject({ permanent: true, code: 550, suppress: true });
  });

  it.each([
    [554, '5.7.1 Message rejected as spam'],
    [552, '5.2.2 Mailbox full'],
  ] as const)('records a %i as permanent without suppressing the address', async (code, text) => {
    sink.failNext({ kind: 'reply', code, message: text });
    const error = await sendError(relay());
    expect(error).toMatchObject({ permanent: true, code, suppress: false });
    expect(error.message).toContain(text);
  });

  it('treats a connection dropped in the middle of the message as temporary', async () => {
    sink.failNext({ kind: 'drop' });
    const error = await sendError(relay());
    expect(error).toMatchObject({ permanent: false, code: null, suppress: false, relay: true });
    expect(sink.messages).toHaveLength(0);
  });

  it('gives up on a reply slower than the socket timeout, as a temporary failure', async () => {
    sink.failNext({ kind: 'slow', ms: 800 });
    const outgoing = message();
    const error = await sendError(relay({}, 200), outgoing);
    expect(error).toMatchObject({ permanent: false, code: null, suppress: false });
    expect(error.message).toMatch(/did not answer in time/);

    // The relay took it after all: the retry will be a duplicate, with the same Message-ID (RB-5).
    const [late] = await sink.waitFor(1);
    expect(late!.messageId).toBe(outgoing.messageId);
  });

  it('treats an unreachable relay as a temporary relay problem', async () => {
    const transport = relay({ port: await freePort() });
    const error = await sendError(transport);
    expect(error).toMatchObject({ permanent: false, code: null, suppress: false, relay: true });
    await expect(transport.verify()).rejects.toThrow(
      /Can't reach the mail server at 127\.0\.0\.1:\d+/,
    );
  });

  it('fails injected header fields before anything reaches the relay', async () => {
    const transport = relay();
    for (const outgoing of [
      message({ subject: 'Hi\r\nBcc: x@evil.example' }),
      message({ to: 'patron@example.net\nBcc: x@evil.example' }),
      message({ headers: [['X-Note', 'ok\r\nBcc: x@evil.example']] }),
    ]) {
      const error = await sendError(transport, outgoing);
      expect(error).toMatchObject({ permanent: true, code: null, suppress: false });
      expect(error.message).toMatch(/contains a line break/);
    }
    expect(sink.messages).toHaveLength(0);
    expect(sink.connections).toBe(0);
  });

  it('sends html with remote images as written and fetches nothing', async () => {
    let requests = 0;
    const web = http.createServer((_req, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    const { port } = web.address() as AddressInfo;
    try {
      const html =
        `<p><img src="http://127.0.0.1:1/x" alt="logo">` +
        `<img src="http://127.0.0.1:${port}/pixel.png" alt=""></p>`;
      await relay().send(message({ html }));

      const [received] = await sink.waitFor(1);
      const parsed = await simpleParser(received!.raw);
      expect(parsed.html).toContain('src="http://127.0.0.1:1/x"');
      expect(parsed.html).toContain(`src="http://127.0.0.1:${port}/pixel.png"`);
      expect(parsed.attachments).toHaveLength(0);
      expect(requests).toBe(0);
    } finally {
      await new Promise((resolve) => web.close(resolve));
    }
  });

  it('says so when a password is set but the relay offers no login', async () => {
    const transport = relay({ username: 'outreach', password: 'secret' });
    await expect(transport.verify()).rejects.toThrow(/does not offer a login on this connection/);
    expect(await sendError(transport)).toMatchObject({ permanent: true, relay: true });
  });

  it('verifies a reachable relay', async () => {
    await expect(relay().verify()).resolves.toBeUndefined();
  });
});

describe('the SMTP transport with a relay that requires a login', () => {
  let secured: SmtpSink;

  beforeEach(async () => {
    secured = await startSmtpSink({ auth: { user: 'outreach', pass: 'right-password' } });
  });
  afterEach(async () => {
    await secured.stop();
  });

  const login = (password: string): MailTransport => {
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port: secured.port,
      security: 'none',
      username: 'outreach',
      password,
      connections: 1,
    });
    opened.push(transport);
    return transport;
  };

  it('sends once logged in', async () => {
    await login('right-password').send(message());
    await secured.waitFor(1);
    await expect(login('right-password').verify()).resolves.toBeUndefined();
  });

  it('fails a wrong password as permanent, a relay problem, never suppressing the patron', async () => {
    const error = await sendError(login('wrong-password'));
    expect(error).toMatchObject({ permanent: true, code: 535, suppress: false, relay: true });
    expect(error.message).toMatch(/did not accept the username and password/);
    expect(error.message).toContain('535');
    expect(secured.messages).toHaveLength(0);
  });

  it('explains a wrong password when verifying', async () => {
    await expect(login('wrong-password').verify()).rejects.toThrow(
      `The mail server at 127.0.0.1:${secured.port} did not accept the username and password`,
    );
  });

  it('refuses to go on without the login the relay asks for', async () => {
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port: secured.port,
      security: 'none',
      username: '',
      password: '',
      connections: 1,
    });
    opened.push(transport);
    const error = await sendError(transport);
    expect(error).toMatchObject({ permanent: true, code: 530, suppress: false, relay: true });
  });

  it('says a relay without STARTTLS is a TLS problem when starttls is required', async () => {
    const transport = createSmtpTransport({
      host: '127.0.0.1',
      port: secured.port,
      security: 'starttls',
      username: 'outreach',
      password: 'right-password',
      connections: 1,
    });
    opened.push(transport);
    await expect(transport.verify()).rejects.toThrow(/A TLS problem with the mail server/);
  });

  it('says a plain relay is a TLS problem when tls is chosen', async () => {
    const transport = createSmtpTransport(
      {
        host: '127.0.0.1',
        port: secured.port,
        security: 'tls',
        username: 'outreach',
        password: 'right-password',
        connections: 1,
      },
      { connectionMs: 2000, greetingMs: 2000 },
    );
    opened.push(transport);
    await expect(transport.verify()).rejects.toThrow(
      `A TLS problem with the mail server at 127.0.0.1:${secured.port}: the server did not answer in TLS.`,
    );
  });
});
