import type { SendMailOptions } from 'nodemailer';
import { SendError } from './send-error.js';
import type { OutgoingMessage } from './transport.js';

const LINE_BREAK = /[\r\n\0]/;
const HEADER_NAME = /^[A-Za-z0-9-]+$/;
/** One bare addr-spec: a list ("a@x, b@y") or a display name here would reach more than one person. */
const SINGLE_ADDRESS = /^[^\s,;<>()"@]+@[^\s,;<>()"@]+$/;

function refuse(text: string): never {
  throw new SendError(true, null, text, false);
}

/**
 * Refuses a message whose header fields could carry a line break (TRUST SC-8). nodemailer would
 * quietly turn CR/LF into spaces; we refuse instead, so a broken template or a hostile import is
 * recorded as a failure rather than sent mangled.
 *
 * @throws SendError (permanent, not suppressing) naming the field
 */
export function assertHeaderSafe(message: OutgoingMessage): void {
  const fields: Array<[string, string | undefined]> = [
    ['from.name', message.from.name],
    ['from.address', message.from.address],
    ['replyTo', message.replyTo],
    ['to', message.to],
    ['subject', message.subject],
    ['messageId', message.messageId],
  ];
  for (const [name, value] of message.headers) {
    if (!HEADER_NAME.test(name)) refuse(`header field name ${JSON.stringify(name)} is not allowed`);
    fields.push([name, value]);
  }
  for (const [name, value] of fields) {
    if (value !== undefined && LINE_BREAK.test(value)) {
      refuse(`header field ${name} contains a line break`);
    }
  }
  if (!SINGLE_ADDRESS.test(message.to)) refuse('header field to must be a single e-mail address');
}

/**
 * The nodemailer options for a message, the same for the relay and the log mailer. The Message-ID
 * is ours, fixed in the outbox row before the first attempt, so a resend after a crash carries the
 * same one (TRUST RB-5).
 */
export function toMailOptions(message: OutgoingMessage): SendMailOptions {
  return {
    messageId: message.messageId,
    from: { name: message.from.name, address: message.from.address },
    ...(message.replyTo ? { replyTo: message.replyTo } : {}),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // An array keeps the order the caller chose (List-Unsubscribe before List-Unsubscribe-Post).
    headers: message.headers.map(([key, value]) => ({ key, value })),
    // Staff-written content must never make the server read a file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
