/**
 * What a failed send means for the outbox (TRUST RB-6): retry later (temporary), give up on this
 * message (permanent), and whether the address itself is bad (suppress).
 */
export class SendError extends Error {
  override name = 'SendError';
  constructor(
    /** The same message would be refused again: record it, do not retry. */
    readonly permanent: boolean,
    /** The SMTP reply code, null when there was no reply (network, timeout, refused locally). */
    readonly code: number | null,
    message: string,
    /** The recipient's mailbox does not exist: suppress the address. */
    readonly suppress: boolean,
    /**
     * The relay or its settings are at fault, not this message: every message would fail the same
     * way (wrong password, TLS, sender refused, unreachable, 421). The caller pauses sending rather
     * than marking messages failed.
     */
    readonly relay = false,
  ) {
    super(message);
  }
}

const MAX_TEXT = 500;

/** Errors of the network or of a server that went away: the relay may work again later. */
const UNREACHABLE = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EPROXY',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const AUTH = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2']);
const SETTINGS = new Set(['ETLS', 'EREQUIRETLS', 'ECONFIG']);
/** Refused before or without a server reply, and refused the same way on every attempt. */
const REFUSED_LOCALLY = new Set([
  'EENVELOPE',
  'EMESSAGE',
  'ESTREAM',
  'EMAXRECIPIENTS',
  'EFILEACCESS',
  'EURLACCESS',
  'EOTP',
]);

/** Text servers use for a mailbox that does not exist (when they give no enhanced status code). */
const NO_MAILBOX =
  /user unknown|unknown user|mailbox (?:is )?unavailable|no such (?:user|mailbox|recipient)|does not exist|doesn't exist|mailbox not found|recipient not found|invalid recipient/i;

/**
 * Enhanced status (RFC 3463) X.1.Y is about an address. 5.1.7 and 5.1.8 are about *our* sender
 * address, so they must not suppress a patron.
 */
function mailboxGone(response: string): boolean {
  const enhanced = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(response);
  if (enhanced) {
    const [, cls, subject, detail] = enhanced;
    // A code such as 5.7.1 (policy) wins over generic text like "mailbox unavailable".
    return cls === '5' && subject === '1' && detail !== '7' && detail !== '8';
  }
  return NO_MAILBOX.test(response);
}

function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- server text is stored and shown as one line
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

function field(error: object, name: string): unknown {
  return (error as Record<string, unknown>)[name];
}

function describe(error: Error, code: string, response: string): string {
  const reply = response && !error.message.includes(response) ? `: ${response}` : '';
  if (AUTH.has(code)) {
    return `The mail server did not accept the username and password (${error.message}${reply})`;
  }
  if (code === 'ETIMEDOUT') {
    const which = field(error, 'timeoutType');
    return `The mail server did not answer in time${typeof which === 'string' ? ` (${which})` : ''}`;
  }
  return `${error.message}${reply}`;
}

/**
 * Turns whatever nodemailer (or the file system, for the log mailer) threw into a SendError.
 * 4xx replies and network faults are temporary; 5xx replies are permanent, except 503 (a
 * session out of step, fine on a new connection); only a 550/551/553 that names the mailbox at
 * RCPT TO or DATA suppresses the address. Anything unrecognised is temporary, so it is retried
 * and, if it persists, pauses the campaign instead of failing patrons' messages for good.
 */
export function classifySendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (!(error instanceof Error)) return new SendError(false, null, clean(String(error)), false);

  const code = typeof field(error, 'code') === 'string' ? String(field(error, 'code')) : '';
  const replyCode = field(error, 'responseCode');
  const reply = typeof replyCode === 'number' && replyCode >= 200 ? replyCode : null;
  const response =
    typeof field(error, 'response') === 'string' ? String(field(error, 'response')) : '';
  const command =
    typeof field(error, 'command') === 'string' ? String(field(error, 'command')) : '';
  const message = clean(describe(error, code, response));

  // A refused sender or login is about our account at the relay, never about the recipient.
  const aboutUs = command === 'MAIL FROM' || command.startsWith('AUTH') || reply === 530;
  const relay =
    AUTH.has(code) || SETTINGS.has(code) || UNREACHABLE.has(code) || reply === 421 || aboutUs;

  let permanent: boolean;
  if (reply !== null) permanent = reply >= 500 && reply !== 503;
  else if (UNREACHABLE.has(code)) permanent = false;
  else permanent = AUTH.has(code) || REFUSED_LOCALLY.has(code);

  const suppress =
    permanent &&
    !aboutUs &&
    (reply === 550 || reply === 551 || reply === 553) &&
    mailboxGone(response || error.message);

  return new SendError(permanent, reply, message, suppress, relay);
}
