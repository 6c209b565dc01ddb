/**
 * How a care e-mail leaves the building: through the library's SMTP relay, or, when none is
 * configured, into .eml files (the log mailer). The outbox worker only sees MailTransport and
 * SendError.
 */

export interface OutgoingMessage {
  /** With angle brackets, fixed in the outbox row before the first attempt (TRUST RB-5). */
  messageId: string;
  from: { name: string; address: string };
  replyTo?: string;
  /** One address. */
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Extra header fields, in this order (List-Unsubscribe, List-Unsubscribe-Post, …). */
  headers: Array<[string, string]>;
}

export interface SendResult {
  /** The relay's final reply, or where the log mailer wrote the message. */
  response: string;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'log';
  /** @throws SendError, and nothing else */
  send(message: OutgoingMessage): Promise<SendResult>;
  /** Checks the relay answers and takes our login (or the log folder is writable). @throws Error with a message for the admin */
  verify(): Promise<void>;
  close(): void;
}

export { SendError, classifySendError } from './send-error.js';
export { assertHeaderSafe } from './message.js';
export { createSmtpTransport, type SmtpSettings, type SmtpTimeouts } from './smtp-transport.js';
export { createLogTransport } from './log-transport.js';
