import type { AddressInfo } from 'node:net';
import {
  SMTPServer,
  type SMTPServerAddress,
  type SMTPServerDataStream,
  type SMTPServerError,
  type SMTPServerSession,
} from 'smtp-server';

/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1), so the mail transport is
 * tested over real sockets, with faults a relay really produces: refusals with a reply code, a
 * connection dropped mid-message and a final reply that comes too late.
 */

export interface SinkMessage {
  from: string;
  to: string[];
  raw: string;
  messageId: string | null;
  /** Lower-case names, values unfolded; the first occurrence of a repeated field. */
  headers: Map<string, string>;
  receivedAt: Date;
}

export type SinkFault =
  /** Refuse with this code, at RCPT TO or at the end of DATA (the default). */
  | {
      kind: 'reply';
      code: 421 | 451 | 452 | 550 | 552 | 553 | 554;
      message?: string;
      at?: 'rcpt' | 'data';
    }
  /** Accept the message, but send the final reply to DATA only after `ms`. */
  | { kind: 'slow'; ms: number }
  /** Destroy the socket while the message is coming in. */
  | { kind: 'drop' };

export interface SmtpSink {
  host: '127.0.0.1';
  port: number;
  /** Messages the sink accepted (a 'slow' one counts once its late reply is due). */
  messages: SinkMessage[];
  /** Connections accepted since the start. */
  connections: number;
  /** Faults for the next `times` transactions (a queue); each MAIL FROM takes the next one. */
  failNext(fault: SinkFault, times?: number): void;
  /** A fault for every transaction with this recipient (case-insensitive). */
  failRecipient(address: string, fault: SinkFault): void;
  clearFaults(): void;
  /** Resolves once `count` messages were accepted; rejects after `timeoutMs` (5 s). */
  waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  stop(): Promise<void>;
}

const DEFAULT_REPLY: Record<number, string> = {
  421: 'Service not available, closing transmission channel',
  451: 'Requested action aborted: local error in processing',
  452: 'Requested action not taken: insufficient system storage',
  550: 'Requested action not taken: mailbox unavailable',
  552: 'Requested mail action aborted: exceeded storage allocation',
  553: 'Requested action not taken: mailbox name not allowed',
  554: 'Transaction failed',
};

function replyError(code: number, message?: string): SMTPServerError {
  const error: SMTPServerError = new Error(message ?? DEFAULT_REPLY[code] ?? 'Refused');
  error.responseCode = code;
  return error;
}

export function parseHeaders(raw: string): Map<string, string> {
  const end = raw.search(/\r?\n\r?\n/);
  const block = end === -1 ? raw : raw.slice(0, end);
  const headers = new Map<string, string>();
  // Unfolding (RFC 5322 2.2.3): a line break followed by white space is not a field boundary.
  for (const line of block.split(/\r?\n(?![ \t])/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line
      .slice(colon + 1)
      .replace(/\r?\n/g, '')
      .trim();
    if (!headers.has(name)) headers.set(name, value);
  }
  return headers;
}

export async function startSmtpSink(options?: {
  auth?: { user: string; pass: string };
}): Promise<SmtpSink> {
  const auth = options?.auth;
  const queue: SinkFault[] = [];
  const byRecipient = new Map<string, SinkFault>();
  /** The fault of each session's current transaction, by session id. */
  const current = new Map<string, SinkFault>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters = new Set<() => void>();
  let stopped = false;

  const sink: SmtpSink = {
    host: '127.0.0.1',
    port: 0,
    messages: [],
    connections: 0,
    failNext(fault, times = 1) {
      for (let i = 0; i < times; i++) queue.push(fault);
    },
    failRecipient(address, fault) {
      byRecipient.set(address.toLowerCase(), fault);
    },
    clearFaults() {
      queue.length = 0;
      byRecipient.clear();
      current.clear();
    },
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          if (sink.messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(sink.messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `smtp sink: ${sink.messages.length} of ${count} messages after ${timeoutMs} ms`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => stop(),
  };

  const accept = (session: SMTPServerSession, raw: string): void => {
    const headers = parseHeaders(raw);
    const { mailFrom, rcptTo } = session.envelope;
    sink.messages.push({
      from: mailFrom ? mailFrom.address : '',
      to: rcptTo.map((r: SMTPServerAddress) => r.address),
      raw,
      messageId: headers.get('message-id') ?? null,
      headers,
      receivedAt: new Date(),
    });
    for (const waiter of [...waiters]) waiter();
  };

  const onData = (
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null) => void,
  ): void => {
    const fault = current.get(session.id);
    current.delete(session.id);
    const chunks: Buffer[] = [];
    let dropped = false;
    stream.on('data', (chunk: Buffer) => {
      if (fault?.kind === 'drop' && !dropped) {
        dropped = true;
        for (const connection of server.connections) {
          if (connection.id === session.id) connection._socket.destroy();
        }
      }
      chunks.push(chunk);
    });
    stream.on('end', () => {
      if (dropped) {
        callback(new Error('dropped'));
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      if (fault?.kind === 'reply') {
        callback(replyError(fault.code, fault.message));
      } else if (fault?.kind === 'slow') {
        const timer = setTimeout(() => {
          timers.delete(timer);
          accept(session, raw);
          callback();
        }, fault.ms);
        timers.add(timer);
      } else {
        accept(session, raw);
        callback();
      }
    });
  };

  const server = new SMTPServer({
    logger: false,
    // A reverse DNS lookup per connection costs time and means nothing on loopback.
    disableReverseLookup: true,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    allowInsecureAuth: true,
    closeTimeout: 1000,
    onConnect(_session, callback) {
      sink.connections++;
      callback();
    },
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.pass) {
        callback(null, { user: credentials.username });
        return;
      }
      callback(replyError(535, '5.7.8 Authentication credentials invalid'));
    },
    onMailFrom(_address, session, callback) {
      const fault = queue.shift();
      if (fault) current.set(session.id, fault);
      else current.delete(session.id);
      callback();
    },
    onRcptTo(address, session, callback) {
      const rule = byRecipient.get(address.address.toLowerCase());
      if (rule) current.set(session.id, rule);
      const fault = current.get(session.id);
      if (fault?.kind === 'reply' && fault.at === 'rcpt') {
        current.delete(session.id);
        callback(replyError(fault.code, fault.message));
        return;
      }
      callback();
    },
    onData,
  });

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Pooled clients keep their connections open: end them rather than wait for closeTimeout.
      for (const connection of server.connections) connection._socket.destroy();
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  // Errors of single client sockets (a client that gives up) are normal here.
  server.on('error', () => {});
  sink.port = (server.server.address() as AddressInfo).port;
  return sink;
}
