import { describe, expect, it } from 'vitest';
import { classifySendError, SendError } from './send-error.js';

/** An error shaped the way nodemailer 10 shapes them (see its errors.d.ts). */
function smtpError(fields: {
  code: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}): Error {
  const error = new Error(fields.message ?? `Message failed: ${fields.response ?? ''}`);
  return Object.assign(error, fields);
}

const reply = (responseCode: number, text: string, command = 'RCPT TO'): Error =>
  smtpError({
    code: command === 'DATA' ? 'EMESSAGE' : 'EENVELOPE',
    responseCode,
    response: `${responseCode} ${text}`,
    command,
  });

describe('classifySendError', () => {
  it.each([
    [550, '5.1.1 <a@example.net>: Recipient address rejected: User unknown'],
    [550, 'No such user here'],
    [550, 'Requested action not taken: mailbox unavailable'],
    [551, 'User not local'.concat('; 5.1.6 mailbox has moved')],
    [553, '5.1.3 Bad recipient address syntax'],
    [550, 'mailbox "a@example.net" does not exist'],
  ])('suppresses the address on %i %s', (code, text) => {
    expect(classifySendError(reply(code, text))).toMatchObject({
      permanent: true,
      code,
      suppress: true,
    });
  });

  it.each([
    [550, '5.7.1 Mailbox unavailable: message blocked by policy', 'RCPT TO'],
    [553, '5.1.8 Bad sender address: domain not found', 'RCPT TO'],
    [550, '5.1.1 user unknown', 'MAIL FROM'],
    [554, '5.1.1 user unknown', 'DATA'],
    [552, 'Mailbox full', 'DATA'],
    [550, 'Message rejected as spam', 'DATA'],
  ])('never suppresses on %i %s at %s', (code, text, command) => {
    const error = classifySendError(reply(code, text, command));
    expect(error).toMatchObject({ permanent: true, code, suppress: false });
  });

  it('blames the relay, not the patron, for a refused sender', () => {
    const error = classifySendError(reply(550, '5.7.1 Sender not owned by user', 'MAIL FROM'));
    expect(error).toMatchObject({ permanent: true, suppress: false, relay: true });
  });

  it.each([421, 450, 451, 452, 454, 503])('treats %i as temporary', (code) => {
    expect(classifySendError(reply(code, 'try later'))).toMatchObject({
      permanent: false,
      code,
      suppress: false,
    });
  });

  it.each(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET'])(
    'treats %s without a reply as a temporary relay problem',
    (code) => {
      expect(classifySendError(smtpError({ code, message: 'gone' }))).toMatchObject({
        permanent: false,
        code: null,
        suppress: false,
        relay: true,
      });
    },
  );

  it('treats an authentication failure as permanent, about the relay', () => {
    const error = classifySendError(
      smtpError({
        code: 'EAUTH',
        responseCode: 535,
        response: '535 5.7.8 Authentication credentials invalid',
        command: 'AUTH PLAIN',
        message: 'Invalid login: 535 5.7.8 Authentication credentials invalid',
      }),
    );
    expect(error).toMatchObject({ permanent: true, code: 535, suppress: false, relay: true });
    expect(error.message).toMatch(/did not accept the username and password/);
  });

  it('treats errors it does not know as temporary, so they are retried rather than lost', () => {
    expect(classifySendError(new Error('disk full'))).toMatchObject({
      permanent: false,
      code: null,
      suppress: false,
    });
    expect(classifySendError('odd')).toMatchObject({ permanent: false, message: 'odd' });
  });

  it('keeps the server text on one line and at most 500 characters', () => {
    const error = classifySendError(reply(554, `rejected\r\n${'x'.repeat(900)}`, 'DATA'));
    expect(error.message).toMatch(/^Message failed: 554 rejected x+…$/);
    expect(error.message).toHaveLength(500);
  });

  it('passes a SendError through unchanged', () => {
    const original = new SendError(true, null, 'header field to contains a line break', false);
    expect(classifySendError(original)).toBe(original);
  });
});
