import { ImapFlow, type ImapFlowError } from 'imapflow';
import { classifyMessage, type DeliveryReport } from './classify.js';

/**
 * The bounce mailbox: an IMAP mailbox the relay's bounces, complaints and auto-replies land in.
 * Each run reads the unseen messages and files them away in "Processed".
 */

export interface BounceMailboxConfig {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  password: string;
  mailbox: string;
}

interface WarnLog {
  warn(obj: object, msg?: string): void;
}

/** Where handled messages go: out of the way of the next run, and there for a person to look at. */
export const PROCESSED_MAILBOX = 'Processed';
/** Larger messages are handed over cut to this size: the report is at the start of a bounce. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function createClient(config: BounceMailboxConfig, log?: WarnLog): ImapFlow {
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.security === 'tls',
    // Required when asked for (never fall back to cleartext); never attempted for 'none'.
    doSTARTTLS: config.security === 'starttls',
    auth: { user: config.username, pass: config.password },
    tls: { rejectUnauthorized: true },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 120_000,
  });
  // Without a listener an 'error' event would crash the process; the failing call rejects too.
  client.on('error', (err: unknown) => log?.warn({ err }, 'Bounce mailbox connection error'));
  return client;
}

/**
 * Reads every unseen message in the mailbox, hands each to `handle` (raw source + its
 * classification), then moves it to a "Processed" folder (created if missing) so it is never read
 * twice; a message whose handler throws is left unseen for the next run.
 *
 * A message is handed over before it is moved: if the move fails it is flagged seen instead, and
 * if the connection drops in between it is handed over again on the next run (so `handle` should
 * tolerate a repeat). `limit` caps how many messages one run reads, oldest first.
 */
export async function readBounceMailbox(
  config: BounceMailboxConfig,
  handle: (raw: Buffer, report: DeliveryReport) => Promise<void>,
  options: { log?: WarnLog; limit?: number } = {},
): Promise<{ read: number; failed: number }> {
  const { log } = options;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (config.mailbox.trim().toLowerCase() === PROCESSED_MAILBOX.toLowerCase()) {
    throw new Error(
      `The bounce mailbox cannot be "${PROCESSED_MAILBOX}": read messages are moved there.`,
    );
  }
  const client = createClient(config, log);
  let read = 0;
  let failed = 0;
  try {
    await client.connect();
    await ensureMailbox(client, PROCESSED_MAILBOX);
    const lock = await client.getMailboxLock(config.mailbox);
    try {
      const found = await client.search({ seen: false }, { uid: true });
      const uids = (Array.isArray(found) ? found : []).sort((a, b) => a - b);
      for (const uid of uids.slice(0, Math.max(0, limit))) {
        const range = String(uid);
        // BODY.PEEK: fetching does not set \Seen.
        const message = await client.fetchOne(
          range,
          { uid: true, source: { maxLength: MAX_MESSAGE_BYTES } },
          { uid: true },
        );
        if (message === false || message.source === undefined) continue; // expunged meanwhile
        const raw = message.source;
        try {
          await handle(raw, await classifyMessage(raw));
        } catch (err) {
          failed++;
          log?.warn(
            { err, uid, mailbox: config.mailbox },
            'A bounce mailbox message could not be handled; it stays unseen for the next run',
          );
          continue;
        }
        read++;
        try {
          const moved = await client.messageMove(range, PROCESSED_MAILBOX, { uid: true });
          if (moved === false) throw new Error(`MOVE to ${PROCESSED_MAILBOX} failed`);
        } catch (err) {
          log?.warn(
            { err, uid, mailbox: config.mailbox },
            `A handled bounce mailbox message could not be moved to ${PROCESSED_MAILBOX}; it is marked seen instead`,
          );
          await client.messageFlagsAdd(range, ['\\Seen'], { uid: true });
        }
      }
    } finally {
      lock.release();
    }
  } catch (err) {
    throw explain(err, config);
  } finally {
    await disconnect(client);
  }
  return { read, failed };
}

/** Connects and logs in, to check settings; throws an Error with a clear message (wrong password, unreachable host, TLS problem) otherwise. */
export async function checkBounceMailbox(config: BounceMailboxConfig): Promise<void> {
  const client = createClient(config);
  try {
    await client.connect();
    const status = await client.status(config.mailbox, { messages: true }).catch(() => false);
    if (status === false) {
      throw clearError(
        `Signed in to ${where(config)}, but there is no mailbox "${config.mailbox}" there.`,
      );
    }
  } catch (err) {
    throw explain(err, config);
  } finally {
    await disconnect(client);
  }
}

async function ensureMailbox(client: ImapFlow, path: string): Promise<void> {
  try {
    await client.mailboxCreate(path); // resolves with created: false on [ALREADYEXISTS]
  } catch (err) {
    // Servers without RFC 5530 codes just say NO: fine if the folder is there after all.
    const prefix = client.namespace?.prefix ?? '';
    const full = path.startsWith(prefix) ? path : prefix + path;
    const mailboxes = await client.list();
    if (!mailboxes.some((m) => m.path === full)) throw err;
  }
}

async function disconnect(client: ImapFlow): Promise<void> {
  if (client.usable) {
    try {
      await client.logout();
      return;
    } catch {
      // The connection is closed below either way.
    }
  }
  client.close();
}

function where(config: BounceMailboxConfig): string {
  return `${config.host}:${config.port}`;
}

/** Node's codes for a certificate the system does not trust. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The error as an admin can act on it; the original stays as `cause`. Already-explained errors pass through. */
function explain(err: unknown, config: BounceMailboxConfig): Error {
  if (err instanceof Error && explained.has(err)) return err;
  const e = (err instanceof Error ? err : new Error(String(err))) as ImapFlowError;
  const at = where(config);
  const code = e.code ?? '';
  const detail = (e.responseText ?? e.reason ?? e.message).trim();
  let message: string;
  if (e.authenticationFailed === true || e.serverResponseCode === 'AUTHENTICATIONFAILED') {
    message = `The mail server at ${at} rejected the user name or password for "${config.username}".`;
  } else if (e.mailboxMissing === true || code === 'NotFound') {
    message = `Signed in to ${at}, but there is no mailbox "${e.path ?? config.mailbox}" there.`;
  } else if (code === 'ECONNREFUSED') {
    message = `Nothing accepts connections at ${at} (connection refused): check the host name and port.`;
  } else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    message = `The host name "${config.host}" could not be found (DNS lookup failed).`;
  } else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    message = `The mail server at ${at} cannot be reached from here (no route to host).`;
  } else if (
    ['ETIMEDOUT', 'ETIMEOUT', 'CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT'].includes(
      code,
    )
  ) {
    message = `The mail server at ${at} did not answer in time: check the host name, port and firewall.`;
  } else if (CERTIFICATE_CODES.has(code)) {
    message = `TLS problem with ${at}: its certificate is not trusted (${code}: ${e.message}).`;
  } else if (
    code === 'ERR_SSL_WRONG_VERSION_NUMBER' ||
    code === 'ClosedAfterConnectTLS' ||
    /wrong version number|packet length too long/i.test(e.message)
  ) {
    message = `TLS problem with ${at}: the server does not speak TLS on this port. IMAP over TLS usually uses port 993; port 143 uses STARTTLS.`;
  } else if (e.tlsFailed === true || /starttls/i.test(e.message)) {
    message = `TLS problem with ${at}: STARTTLS failed or is not offered (${detail}). Choose TLS (port 993) or check the server's settings.`;
  } else if (/^ERR_(SSL|TLS)_/.test(code) || /\b(ssl|tls)\b/i.test(e.message)) {
    message = `TLS problem with ${at}: ${e.message}`;
  } else if (
    ['ECONNRESET', 'EPIPE', 'EConnectionClosed', 'ClosedAfterConnectText', 'NoConnection'].includes(
      code,
    )
  ) {
    message = `The mail server at ${at} closed the connection${detail === '' ? '' : ` (${detail})`}.`;
  } else {
    message = `The bounce mailbox at ${at} could not be read: ${detail === '' ? code : detail}`;
  }
  return clearError(message, err);
}

/** Errors whose message is already meant for an admin. */
const explained = new WeakSet<Error>();

function clearError(message: string, cause?: unknown): Error {
  const error = cause === undefined ? new Error(message) : new Error(message, { cause });
  explained.add(error);
  return error;
}
