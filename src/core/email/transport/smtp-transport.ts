import nodemailer from 'nodemailer';
import { assertHeaderSafe, toMailOptions } from './message.js';
import { classifySendError } from './send-error.js';
import type { MailTransport } from './transport.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** tls: TLS from the first byte (usually 465); starttls: upgrade required (587); none: plain. */
  security: 'tls' | 'starttls' | 'none';
  /** '' for a relay that takes mail without a login. */
  username: string;
  password: string;
  /** Connections kept open to the relay at most. */
  connections: number;
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  /** Silence allowed on an open connection, e.g. while waiting for the reply to DATA. */
  socketMs: number;
}

const DEFAULT_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 30_000,
  greetingMs: 30_000,
  socketMs: 60_000,
};

/**
 * A pooled SMTP transport. Messages share up to `settings.connections` connections; each send
 * resolves with the relay's reply or rejects with a SendError (see classifySendError).
 * `timeouts` exists for tests.
 */
export function createSmtpTransport(
  settings: SmtpSettings,
  timeouts: Partial<SmtpTimeouts> = {},
): MailTransport {
  const limits = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const where = `${settings.host}:${settings.port}`;
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: Math.max(1, settings.connections),
    // Finite, so a connection is renewed now and then rather than kept for the life of the process.
    maxMessages: 1000,
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.username
      ? {
          auth: { user: settings.username, pass: settings.password },
          // nodemailer skips the login, silently, when the relay does not offer AUTH; an admin who
          // gave a password wants to hear that it was not used.
          forceAuth: true,
        }
      : {}),
    connectionTimeout: limits.connectionMs,
    greetingTimeout: limits.greetingMs,
    socketTimeout: limits.socketMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });

  return {
    kind: 'smtp',
    async send(message) {
      try {
        assertHeaderSafe(message);
        const info = await transporter.sendMail(toMailOptions(message));
        return { response: info.response };
      } catch (error) {
        throw classifySendError(error);
      }
    },
    async verify() {
      try {
        await transporter.verify();
      } catch (error) {
        throw new Error(explainVerifyError(error, where), { cause: error });
      }
    },
    close() {
      transporter.close();
    },
  };
}

function text(error: object, name: string): string {
  const value = (error as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** OpenSSL's messages carry a hex prefix and a source path; keep the reason. */
function tlsReason(error: Error, original: string): string {
  if (original === 'ERR_SSL_WRONG_VERSION_NUMBER') return 'the server did not answer in TLS';
  const parts = error.message.split(':');
  return (parts[1] === 'error' && parts[5] ? parts[5] : error.message).trim();
}

/** A sentence an admin can act on, for the "test the relay" button. */
export function explainVerifyError(error: unknown, where: string): string {
  if (!(error instanceof Error)) return `The mail server at ${where} could not be checked.`;
  const code = text(error, 'code');
  const original = text(error, 'originalCode');
  const reply = text(error, 'response') || error.message;
  const replyCode = (error as { responseCode?: unknown }).responseCode;
  if (code === 'EAUTH' && typeof replyCode === 'number' && replyCode >= 500 && replyCode <= 504) {
    return (
      `The mail server at ${where} does not offer a login on this connection (it said: ${reply}). ` +
      'Try the "starttls" security setting, or leave the username empty.'
    );
  }
  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return `The mail server at ${where} did not accept the username and password (it said: ${reply}).`;
  }
  if (
    code === 'ETLS' ||
    code === 'EREQUIRETLS' ||
    /^(ERR_SSL|ERR_TLS|CERT_|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO)/.test(original) ||
    /ssl|tls|certificate/i.test(error.message)
  ) {
    return (
      `A TLS problem with the mail server at ${where}: ${tlsReason(error, original)}. Check the ` +
      'security setting: port 465 usually needs "tls", port 587 "starttls".'
    );
  }
  if (code === 'EDNS' || original === 'ENOTFOUND' || original === 'EAI_AGAIN') {
    return `Can't reach the mail server at ${where}: the host name was not found.`;
  }
  if (original === 'ECONNREFUSED') {
    return `Can't reach the mail server at ${where}: the connection was refused (is the port right?).`;
  }
  if (code === 'ETIMEDOUT') {
    return `Can't reach the mail server at ${where}: it did not answer in time.`;
  }
  if (code === 'ESOCKET' || code === 'ECONNECTION') {
    return `Can't reach the mail server at ${where}: ${error.message}.`;
  }
  return `The mail server at ${where} answered with an error: ${reply}.`;
}
