import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classifyMessage, findStatus, messageIdIn, normalizeAddress } from './classify.js';
import {
  absenceDuBureau,
  arfComplaint,
  delayedDsn,
  eximBounce,
  exchangeLegacyNdr,
  gmailDsn,
  office365Ndr,
  outOfOfficeEnglish,
  outOfOfficeFrench,
  postfixDsn,
  qmailBounce,
} from './test-fixtures.js';

describe('classifyMessage: delivery status notifications', () => {
  it('reads a Postfix DSN as a hard bounce with the returned Message-ID', async () => {
    expect(await classifyMessage(postfixDsn('<c1a2@library.example>', 'jane@example.org'))).toEqual(
      {
        kind: 'hard_bounce',
        recipients: ['jane@example.org'],
        originalMessageId: '<c1a2@library.example>',
        status: '5.1.1',
        diagnostic:
          '550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
      },
    );
  });

  it('accepts a Buffer as well as a string', async () => {
    const report = await classifyMessage(Buffer.from(postfixDsn(), 'utf8'));
    expect(report.kind).toBe('hard_bounce');
    expect(report.originalMessageId).toBe('<c1a2@library.example>');
  });

  it('reads an Office 365 NDR: 5.1.10, returned headers only', async () => {
    expect(await classifyMessage(office365Ndr('<o365@library.example>'))).toEqual({
      kind: 'hard_bounce',
      recipients: ['pat.smith@contoso.example'],
      originalMessageId: '<o365@library.example>',
      status: '5.1.10',
      diagnostic:
        '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    });
  });

  it('reads a Gmail DSN: folded diagnostic, X-Original-Message-ID when nothing is returned', async () => {
    const report = await classifyMessage(gmailDsn('<g1@library.example>', 'Nobody.Here@gmail.com'));
    expect(report).toMatchObject({
      kind: 'hard_bounce',
      recipients: ['nobody.here@gmail.com'],
      originalMessageId: '<g1@library.example>',
      status: '5.1.1',
    });
    expect(report.diagnostic).toMatch(/^550-5\.1\.1 The email account that you tried to reach/);
    expect(report.diagnostic).toContain('https://support.google.com/mail/?p=NoSuchUser');
    expect(report.diagnostic).not.toMatch(/\r|\n/);
  });

  it('reads a delayed 4.2.2 mailbox-full DSN as a soft bounce', async () => {
    expect(await classifyMessage(delayedDsn('<d1@library.example>', 'sam@example.net'))).toEqual({
      kind: 'soft_bounce',
      recipients: ['sam@example.net'],
      originalMessageId: '<d1@library.example>',
      status: '4.2.2',
      diagnostic: '452 4.2.2 Mailbox full',
    });
  });

  it('treats Action failed with a 4.x.x status as soft (a transient cause)', async () => {
    const raw = dsn(['Final-Recipient: rfc822; a@example.org', 'Action: failed', 'Status: 4.4.7']);
    expect(await classifyMessage(raw)).toMatchObject({ kind: 'soft_bounce', status: '4.4.7' });
  });

  it('prefers X-Outreach-Message-Id over a Message-ID the relay replaced', async () => {
    const raw = dsn(
      ['Final-Recipient: rfc822; a@example.org', 'Action: failed', 'Status: 5.1.1'],
      `Content-Type: text/rfc822-headers\n\nMessage-ID: <0100018e@email.amazonses.example>\nX-Outreach-Message-Id: <ours@library.example>\n`,
    );
    expect((await classifyMessage(raw)).originalMessageId).toBe('<ours@library.example>');
  });

  it("falls back to the DSN's own In-Reply-To, then References", async () => {
    const fields = ['Final-Recipient: rfc822; a@example.org', 'Action: failed', 'Status: 5.1.1'];
    const withReplyTo = dsn(fields, '', 'In-Reply-To: <irt@library.example>\n');
    expect((await classifyMessage(withReplyTo)).originalMessageId).toBe('<irt@library.example>');
    const withReferences = dsn(fields, '', 'References: <a@x.example>\n <ref@library.example>\n');
    expect((await classifyMessage(withReferences)).originalMessageId).toBe('<ref@library.example>');
    expect((await classifyMessage(dsn(fields))).originalMessageId).toBeNull();
  });

  it('reports only the failed recipients of a DSN that also lists delivered ones', async () => {
    const raw = dsn(
      ['Final-Recipient: rfc822; ok@example.org', 'Action: delivered', 'Status: 2.0.0'],
      '',
      '',
      ['Final-Recipient: rfc822; gone@example.org', 'Action: failed', 'Status: 5.2.1'],
    );
    expect(await classifyMessage(raw)).toMatchObject({
      kind: 'hard_bounce',
      recipients: ['gone@example.org'],
      status: '5.2.1',
      diagnostic: null,
    });
  });

  it('calls a delivery success notification unknown', async () => {
    const raw = dsn([
      'Final-Recipient: rfc822; ok@example.org',
      'Action: delivered',
      'Status: 2.0.0',
    ]);
    expect(await classifyMessage(raw)).toMatchObject({ kind: 'unknown', status: '2.0.0' });
  });

  it('takes the status from the diagnostic when the Status field is missing', async () => {
    const raw = dsn([
      'Final-Recipient: rfc822; a@example.org',
      'Action: failed',
      'Diagnostic-Code: smtp; 550 5.7.1 Message rejected as spam',
    ]);
    expect(await classifyMessage(raw)).toMatchObject({ kind: 'hard_bounce', status: '5.7.1' });
  });

  it('caps the diagnostic at 1000 characters', async () => {
    const raw = dsn([
      'Final-Recipient: rfc822; a@example.org',
      'Action: failed',
      'Status: 5.0.0',
      `Diagnostic-Code: smtp; 550 ${'x'.repeat(3000)}`,
    ]);
    expect((await classifyMessage(raw)).diagnostic).toHaveLength(1000);
  });
});

describe('classifyMessage: complaints', () => {
  it('reads an ARF abuse report as a complaint', async () => {
    expect(
      await classifyMessage(arfComplaint('<arf1@library.example>', 'Lee@Yahoo.example')),
    ).toEqual({
      kind: 'complaint',
      recipients: ['lee@yahoo.example'],
      originalMessageId: '<arf1@library.example>',
      status: null,
      diagnostic: null,
    });
  });

  it('takes the recipient from the returned To when Original-Rcpt-To is redacted away', async () => {
    const raw = arfComplaint('<arf2@library.example>', 'lee@yahoo.example').replace(
      /Original-Rcpt-To: .*\r\n/,
      '',
    );
    expect(await classifyMessage(raw)).toMatchObject({
      kind: 'complaint',
      recipients: ['lee@yahoo.example'],
      originalMessageId: '<arf2@library.example>',
    });
  });

  it('does not count a not-spam report as a complaint', async () => {
    const raw = arfComplaint().replace('Feedback-Type: abuse', 'Feedback-Type: not-spam');
    expect((await classifyMessage(raw)).kind).toBe('unknown');
  });
});

describe('classifyMessage: auto-replies', () => {
  it('reads an Outlook "Automatic reply" as an auto-reply to our message', async () => {
    expect(await classifyMessage(outOfOfficeEnglish('<ooo1@library.example>'))).toEqual({
      kind: 'auto_reply',
      recipients: ['chris.doe@contoso.example'],
      originalMessageId: '<ooo1@library.example>',
      status: null,
      diagnostic: null,
    });
  });

  it('reads a French "Réponse automatique" by its encoded subject alone', async () => {
    expect(await classifyMessage(outOfOfficeFrench('<ooo2@library.example>'))).toMatchObject({
      kind: 'auto_reply',
      recipients: ['marie.tremblay@exemple.qc.ca'],
      originalMessageId: '<ooo2@library.example>',
    });
  });

  it('reads "Absence du bureau" with X-Autoreply', async () => {
    expect(await classifyMessage(absenceDuBureau())).toMatchObject({
      kind: 'auto_reply',
      recipients: ['luc.gagnon@exemple.qc.ca'],
      originalMessageId: null,
    });
  });

  it.each([
    ['X-Autorespond: yes', 'Re: hello'],
    ['Precedence: auto_reply', 'Re: hello'],
    ['Auto-Submitted: auto-replied (vacation)', 'Re: hello'],
    ['X-Mailer: Thunderbird', 'Out of Office: Checking in'],
  ])('reads %s / %s as an auto-reply', async (header, subject) => {
    const raw = `From: a@example.org\r\nTo: care@library.example\r\nSubject: ${subject}\r\n${header}\r\n\r\nAway.\r\n`;
    expect((await classifyMessage(raw)).kind).toBe('auto_reply');
  });

  it('treats a read receipt (MDN) as automatic, not as a bounce', async () => {
    const raw = `From: chris@contoso.example\r\nTo: care@library.example\r\nSubject: Read: Checking in\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=disposition-notification; boundary="M"\r\n\r\n--M\r\nContent-Type: text/plain\r\n\r\nYour message was read.\r\n--M\r\nContent-Type: message/disposition-notification\r\n\r\nReporting-UA: contoso.example; Microsoft Outlook\r\nFinal-Recipient: rfc822;Chris@Contoso.example\r\nOriginal-Message-ID: <mdn1@library.example>\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n--M--\r\n`;
    expect(await classifyMessage(raw)).toEqual({
      kind: 'auto_reply',
      recipients: ['chris@contoso.example'],
      originalMessageId: '<mdn1@library.example>',
      status: null,
      diagnostic: null,
    });
  });

  it("leaves a person's reply (Auto-Submitted: no) as unknown, keeping what it answers", async () => {
    const raw = `From: a@example.org\r\nSubject: Re: Checking in\r\nAuto-Submitted: no\r\nIn-Reply-To: <x1@library.example>\r\n\r\nThanks!\r\n`;
    expect(await classifyMessage(raw)).toEqual({
      kind: 'unknown',
      recipients: [],
      originalMessageId: '<x1@library.example>',
      status: null,
      diagnostic: null,
    });
  });
});

describe('classifyMessage: bounces without a DSN', () => {
  it('reads a qmail failure notice: #5.1.1, the address, the pasted Message-ID', async () => {
    expect(await classifyMessage(qmailBounce('<q1@library.example>', 'robin@example.net'))).toEqual(
      {
        kind: 'hard_bounce',
        recipients: ['robin@example.net'],
        originalMessageId: '<q1@library.example>',
        status: '5.1.1',
        diagnostic: 'Sorry, no mailbox here by that name. (#5.1.1)',
      },
    );
  });

  it('reads an Exim bounce by X-Failed-Recipients and its 550 reply', async () => {
    expect(await classifyMessage(eximBounce('<e1@library.example>', 'kim@example.com'))).toEqual({
      kind: 'hard_bounce',
      recipients: ['kim@example.com'],
      originalMessageId: '<e1@library.example>',
      status: '5.0.0',
      diagnostic: '550 No such user here',
    });
  });

  it("reads an old Exchange server's text NDR", async () => {
    expect(await classifyMessage(exchangeLegacyNdr('alex@fabrikam.example'))).toMatchObject({
      kind: 'hard_bounce',
      recipients: ['alex@fabrikam.example'],
      status: '5.1.1',
      diagnostic:
        '<mx.fabrikam.example #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found>',
    });
  });

  it('reads "mailbox unavailable" from a postmaster without any code', async () => {
    const raw = `From: postmaster@example.org\r\nTo: bounces@library.example\r\nSubject: Returned mail\r\n\r\nDelivery to <pat@example.org> failed: mailbox unavailable.\r\n`;
    expect(await classifyMessage(raw)).toMatchObject({
      kind: 'hard_bounce',
      recipients: ['pat@example.org'],
      status: null,
      diagnostic: 'Delivery to <pat@example.org> failed: mailbox unavailable.',
    });
  });

  it('leaves a MAILER-DAEMON message without a failure in it as unknown, not an auto-reply', async () => {
    const raw = `From: MAILER-DAEMON@example.org\r\nSubject: Hello\r\nAuto-Submitted: auto-replied\r\n\r\nYour message is queued.\r\n`;
    expect(await classifyMessage(raw)).toMatchObject({ kind: 'unknown', recipients: [] });
  });

  it('ignores "user unknown" in mail that is not from a mail system', async () => {
    const raw = `From: friend@example.org\r\nSubject: Question\r\n\r\nWhat does 550 5.1.1 user unknown mean?\r\n`;
    expect((await classifyMessage(raw)).kind).toBe('unknown');
  });
});

describe('classifyMessage: hostile input', () => {
  it('returns unknown for garbage bytes, empty input and non-mail text', async () => {
    const unknown = {
      kind: 'unknown',
      recipients: [],
      originalMessageId: null,
      status: null,
      diagnostic: null,
    };
    for (let i = 0; i < 20; i++) expect(await classifyMessage(randomBytes(4096))).toEqual(unknown);
    expect(await classifyMessage('')).toEqual(unknown);
    expect(await classifyMessage(Buffer.alloc(0))).toEqual(unknown);
    expect(await classifyMessage('{"not": "mail"}')).toEqual(unknown);
    expect(await classifyMessage('\0\0\0\r\n\r\n\0')).toEqual(unknown);
  });

  it('copes with a broken multipart/report (no boundary, no fields)', async () => {
    const raw = `From: MAILER-DAEMON@x.example\r\nContent-Type: multipart/report; report-type=delivery-status\r\n\r\n--\r\n--\r\nContent-Type: message/delivery-status\r\n\r\nnonsense\r\n`;
    expect((await classifyMessage(raw)).kind).toBe('unknown');
  });

  it('stays fast on input built to make regexes backtrack', async () => {
    const evil = [
      'a'.repeat(200_000),
      '.'.repeat(200_000),
      '5.5.5.5.5.5.5.'.repeat(20_000),
      '550 '.repeat(50_000),
      'a@'.repeat(100_000),
      '<'.repeat(100_000),
      ' \t'.repeat(100_000),
    ].join('\n');
    const started = performance.now();
    const bounce = `From: MAILER-DAEMON@x.example\r\nSubject: failure notice\r\nX-Failed-Recipients: ${'a@'.repeat(5000)}\r\n\r\n${evil}`;
    await classifyMessage(bounce);
    const fields = evil
      .split('\n')
      .map((l) => `Final-Recipient: rfc822; ${l}\n${'  x\n'.repeat(10)}`);
    await classifyMessage(dsn(fields));
    const autoReply = `From: a@example.org\r\nSubject: ${'Re: '.repeat(50_000)}\r\nReferences: ${'<'.repeat(100_000)}\r\n\r\n${evil}`;
    await classifyMessage(autoReply);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('helpers', () => {
  it('finds enhanced status codes, not version numbers or IP addresses', () => {
    expect(findStatus('said: 550-5.1.1 The email account')).toBe('5.1.1');
    expect(findStatus('(#4.4.1)')).toBe('4.4.1');
    expect(findStatus('Status: 5.1.10 (bad)')).toBe('5.1.10');
    expect(findStatus('from 10.5.1.12 ok')).toBeNull();
    expect(findStatus('554 delivery error')).toBe('5.0.0');
    expect(findStatus('nothing here')).toBeNull();
  });

  it('normalizes DSN addresses and Message-IDs', () => {
    expect(normalizeAddress('rfc822; <Jane@Example.ORG>')).toBe('jane@example.org');
    expect(normalizeAddress('utf-8;jane@example.org.')).toBe('jane@example.org');
    expect(normalizeAddress('rfc822; not an address')).toBeNull();
    expect(normalizeAddress('a@b@c')).toBeNull();
    expect(messageIdIn(' <abc@library.example> (comment)')).toBe('<abc@library.example>');
    expect(messageIdIn('abc@library.example')).toBe('<abc@library.example>');
    expect(messageIdIn('<no-at-sign>')).toBeNull();
    expect(messageIdIn('<unclosed@x')).toBeNull();
  });
});

/** A minimal DSN around the given per-recipient fields (and optional returned part). */
function dsn(
  fields: string[],
  returnedPart = '',
  extraHeaders = '',
  moreFields: string[] = [],
): string {
  const more = moreFields.length > 0 ? `\n${moreFields.join('\n')}\n` : '';
  const returned = returnedPart === '' ? '' : `--B\n${returnedPart}\n`;
  return `From: MAILER-DAEMON@mx.example.org
To: bounces@library.example
Subject: Undelivered Mail Returned to Sender
${extraHeaders}MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="B"

--B
Content-Type: text/plain

Delivery failed.

--B
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.org

${fields.join('\n')}
${more}
${returned}--B--
`.replace(/\n/g, '\r\n');
}
