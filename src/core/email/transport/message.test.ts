import { describe, expect, it } from 'vitest';
import { assertHeaderSafe } from './message.js';
import { SendError } from './send-error.js';
import type { OutgoingMessage } from './transport.js';

const base: OutgoingMessage = {
  messageId: '<care-1@outreach.example.org>',
  from: { name: 'The Library', address: 'care@library.example.org' },
  replyTo: 'desk@library.example.org',
  to: 'patron@example.net',
  subject: 'Hello',
  html: '<p>Hi</p>',
  text: 'Hi',
  headers: [['List-Unsubscribe', '<https://outreach.example.org/u/1>']],
};

function refusal(message: OutgoingMessage): SendError {
  try {
    assertHeaderSafe(message);
  } catch (error) {
    expect(error).toBeInstanceOf(SendError);
    return error as SendError;
  }
  throw new Error('expected a refusal');
}

describe('assertHeaderSafe', () => {
  it('accepts an ordinary message, accents and all', () => {
    expect(() =>
      assertHeaderSafe({ ...base, subject: 'Bonjour de la bibliothèque — ça va ?' }),
    ).not.toThrow();
  });

  it.each([
    ['from.name', { from: { name: 'Library\r\nBcc: x@evil.example', address: base.from.address } }],
    ['from.address', { from: { name: 'L', address: 'care@library.example.org\n' } }],
    ['replyTo', { replyTo: 'desk@library.example.org\rBcc: x@evil.example' }],
    ['to', { to: 'patron@example.net\nBcc: x@evil.example' }],
    ['subject', { subject: 'Hi\r\nBcc: x@evil.example' }],
    ['subject', { subject: 'Hi\0there' }],
    ['X-Note', { headers: [['X-Note', 'a\nb']] as Array<[string, string]> }],
  ])('refuses a line break in %s', (field, change) => {
    const error = refusal({ ...base, ...change });
    expect(error).toMatchObject({ permanent: true, code: null, suppress: false });
    expect(error.message).toBe(`header field ${field} contains a line break`);
  });

  it.each(['Bcc:', 'X Note', 'X-Note\r\nBcc', ''])('refuses the header name %j', (name) => {
    const error = refusal({ ...base, headers: [[name, 'v']] });
    expect(error.permanent).toBe(true);
  });

  it.each(['a@example.net, b@example.net', 'Pat <pat@example.net>', 'no-at-sign'])(
    'refuses a recipient that is not one plain address: %s',
    (to) => {
      expect(refusal({ ...base, to }).message).toBe(
        'header field to must be a single e-mail address',
      );
    },
  );
});
