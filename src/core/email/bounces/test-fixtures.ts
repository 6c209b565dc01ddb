/**
 * Delivery reports as real servers write them, for the classifier and mailbox tests. Each takes
 * the Message-ID of "our" message and the recipient it was sent to.
 */

const crlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

const DATE = 'Tue, 4 Mar 2025 10:15:02 -0500';

/** The care e-mail we sent: what bounces return, whole or headers only. */
export function originalHeaders(messageId: string, to: string, extra = ''): string {
  return `Return-Path: <bounces@library.example>
From: Riverside Public Library <care@library.example>
To: ${to}
Subject: Checking in from Riverside Public Library
Date: ${DATE}
Message-ID: ${messageId}
${extra}MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
`;
}

/** Postfix: notification, delivery-status, the returned message as message/rfc822. */
export function postfixDsn(messageId = '<c1a2@library.example>', to = 'jane@example.org'): string {
  return crlf(`Return-Path: <>
Received: by mail.library.example (Postfix) id 4Z7k1x2y3z; ${DATE}
Date: ${DATE}
From: MAILER-DAEMON@mail.library.example (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: bounces@library.example
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="4Z7k1x2y3z.1741101302/mail.library.example"
Message-Id: <20250304151502.4Z7k1x2y3z@mail.library.example>

This is a MIME-encapsulated message.

--4Z7k1x2y3z.1741101302/mail.library.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.library.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

                   The mail system

<${to}>: host mx.example.org[192.0.2.25] said: 550 5.1.1
    <${to}>: Recipient address rejected: User unknown in virtual mailbox
    table (in reply to RCPT TO command)

--4Z7k1x2y3z.1741101302/mail.library.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.library.example
X-Postfix-Queue-ID: 4Z7k1x2y3z
X-Postfix-Sender: rfc822; bounces@library.example
Arrival-Date: ${DATE}

Final-Recipient: rfc822; ${to.toUpperCase()}
Original-Recipient: rfc822;${to}
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 550 5.1.1 <${to}>: Recipient address rejected: User
    unknown in virtual mailbox table

--4Z7k1x2y3z.1741101302/mail.library.example
Content-Description: Undelivered Message
Content-Type: message/rfc822

${originalHeaders(messageId, to)}
Hello Jane, we are calling patrons this week to see how you are doing.

--4Z7k1x2y3z.1741101302/mail.library.example--
`);
}

/** Office 365: HTML and text notification, delivery-status, the returned headers only. */
export function office365Ndr(
  messageId = '<o365@library.example>',
  to = 'pat.smith@contoso.example',
): string {
  return crlf(`Received: from BN8PR12MB3000.namprd12.prod.outlook.com (2603:10b6:408:ee::5)
 by BN8PR12MB3001.namprd12.prod.outlook.com with HTTPS; ${DATE}
From: postmaster@libraryexample.onmicrosoft.com
To: care@library.example
Date: ${DATE}
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="cf1b9e7c-25fd-4d1e-9b62-0c0c7e8fb7a3"
X-MS-Exchange-Message-Is-Ndr:
Content-Language: en-US
Message-ID: <1c43d3c2-5d2b-4c5e-a1fb-3e1d2a8e1b0a@BN8PR12MB3000.namprd12.prod.outlook.com>
In-Reply-To: ${messageId}
References: ${messageId}
Subject: Undeliverable: Checking in from Riverside Public Library
Auto-Submitted: auto-replied
MIME-Version: 1.0

--cf1b9e7c-25fd-4d1e-9b62-0c0c7e8fb7a3
Content-Type: multipart/alternative; differences=Content-Type;
\tboundary="b5f2f4a0-9a53-4bd1-9f0e-1d1a2e7c0f11"

--b5f2f4a0-9a53-4bd1-9f0e-1d1a2e7c0f11
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

Your message to ${to} couldn't be delivered.
${to.split('@')[0]} wasn't found at ${to.split('@')[1]}.

Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipien=
t not found by SMTP address lookup'

--b5f2f4a0-9a53-4bd1-9f0e-1d1a2e7c0f11
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Your message to <a href=3D"mailto:${to}">${to}</a> couldn't=
 be delivered.</p></body></html>

--b5f2f4a0-9a53-4bd1-9f0e-1d1a2e7c0f11--

--cf1b9e7c-25fd-4d1e-9b62-0c0c7e8fb7a3
Content-Type: message/delivery-status

Reporting-MTA: dns;BN8PR12MB3000.namprd12.prod.outlook.com
Received-From-MTA: dns;mail.library.example
Arrival-Date: ${DATE}

Original-Recipient: rfc822;${to}
Final-Recipient: rfc822;${to}
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not
 found by SMTP address lookup

--cf1b9e7c-25fd-4d1e-9b62-0c0c7e8fb7a3
Content-Type: text/rfc822-headers

${originalHeaders(messageId, to, 'X-MS-Exchange-Organization-AuthAs: Anonymous\n')}
--cf1b9e7c-25fd-4d1e-9b62-0c0c7e8fb7a3--
`);
}

/**
 * Gmail: an HTML notification in multipart/related, X-Original-Message-ID among the per-message
 * fields, a folded multi-line Diagnostic-Code, and (here) no returned message at all.
 */
export function gmailDsn(messageId = '<g1@library.example>', to = 'nobody.here@gmail.com'): string {
  return crlf(`Delivered-To: bounces@library.example
Return-Path: <>
From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
To: bounces@library.example
Auto-Submitted: auto-replied
Subject: Delivery Status Notification (Failure)
Message-ID: <65c8a1b2.050a0220.1c2d3.abcd.GMR@mx.google.com>
Date: ${DATE}
MIME-Version: 1.0
Content-Type: multipart/report; boundary="000000000000a1b2c3d4e5f60708"; report-type=delivery-status

--000000000000a1b2c3d4e5f60708
Content-Type: multipart/related; boundary="000000000000a1b2c3d4e5f60709"

--000000000000a1b2c3d4e5f60709
Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f6070a"

--000000000000a1b2c3d4e5f6070a
Content-Type: text/plain; charset="UTF-8"


** Address not found **

Your message wasn't delivered to ${to} because the address couldn't be found, or is unable to receive mail.

--000000000000a1b2c3d4e5f6070a
Content-Type: text/html; charset="UTF-8"

<html><body><h2>Address not found</h2><p>Your message wasn't delivered to <b>${to}</b>.</p></body></html>

--000000000000a1b2c3d4e5f6070a--
--000000000000a1b2c3d4e5f60709--
--000000000000a1b2c3d4e5f60708
Content-Type: message/delivery-status

Reporting-MTA: dns; googlemail.com
Received-From-MTA: dns; care@library.example
Arrival-Date: ${DATE}
X-Original-Message-ID: ${messageId}

Final-Recipient: rfc822; ${to}
Action: failed
Status: 5.1.1
Remote-MTA: dns; gmail-smtp-in.l.google.com. (2607:f8b0:4004:c07::1a, the
 server for the domain gmail.com.)
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does
 not exist. Please try
 550-5.1.1 double-checking the recipient's email address for typos or
 550-5.1.1 unnecessary spaces. For more information, go to
 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si123456qkb.12 - gsmtp
Last-Attempt-Date: ${DATE}

--000000000000a1b2c3d4e5f60708--
`);
}

/** Postfix's "still being retried" warning: Action delayed, 4.2.2 mailbox full. */
export function delayedDsn(messageId = '<d1@library.example>', to = 'sam@example.net'): string {
  return crlf(`Return-Path: <>
From: MAILER-DAEMON@mail.library.example (Mail Delivery System)
Subject: Delayed Mail (still being retried)
To: bounces@library.example
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
\tboundary="DELAY.1741101302/mail.library.example"
Message-Id: <20250304151502.DELAY@mail.library.example>

--DELAY.1741101302/mail.library.example
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mail.library.example.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

<${to}>: host mx.example.net[198.51.100.7] said: 452 4.2.2 Mailbox full (in
    reply to RCPT TO command)

--DELAY.1741101302/mail.library.example
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mail.library.example
X-Postfix-Queue-ID: DELAY
Arrival-Date: ${DATE}

Final-Recipient: rfc822; ${to}
Original-Recipient: rfc822;${to}
Action: delayed
Status: 4.2.2
Remote-MTA: dns; mx.example.net
Diagnostic-Code: smtp; 452 4.2.2 Mailbox full
Will-Retry-Until: Sat, 8 Mar 2025 10:15:02 -0500

--DELAY.1741101302/mail.library.example
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

${originalHeaders(messageId, to)}
--DELAY.1741101302/mail.library.example--
`);
}

/** An RFC 5965 abuse report from a mailbox provider's feedback loop. */
export function arfComplaint(
  messageId = '<arf1@library.example>',
  to = 'lee@yahoo.example',
): string {
  return crlf(`From: Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.example>
To: fbl@library.example
Subject: FW: Checking in from Riverside Public Library
Date: ${DATE}
Message-ID: <arf-20250304@arf.mail.yahoo.example>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report;
    boundary="----=_Part_ARF_0001"

------=_Part_ARF_0001
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit

This is an email abuse report for an email message received from IP 203.0.113.5 on ${DATE}.

------=_Part_ARF_0001
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: Yahoo!-Mail-Feedback/2.0
Version: 1
Original-Mail-From: <bounces@library.example>
Original-Rcpt-To: <${to}>
Arrival-Date: ${DATE}
Source-IP: 203.0.113.5
Reported-Domain: library.example
Authentication-Results: mta1000.mail.yahoo.example; dkim=pass header.d=library.example

------=_Part_ARF_0001
Content-Type: message/rfc822
Content-Disposition: inline

${originalHeaders(messageId, to)}
Hello, we are calling patrons this week.

------=_Part_ARF_0001--
`);
}

/** Outlook / Exchange Online out-of-office reply. */
export function outOfOfficeEnglish(
  inReplyTo = '<ooo1@library.example>',
  from = 'Chris.Doe@Contoso.example',
): string {
  return crlf(`From: Chris Doe <${from}>
To: Riverside Public Library <care@library.example>
Subject: Automatic reply: Checking in from Riverside Public Library
Date: ${DATE}
Message-ID: <BN8PR12MB3000ABCDEF@BN8PR12MB3000.namprd12.prod.outlook.com>
In-Reply-To: ${inReplyTo}
References: ${inReplyTo}
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: ${from}
Content-Type: text/plain; charset="us-ascii"
MIME-Version: 1.0

I am out of the office until March 10 with limited access to e-mail.
`);
}

/** A French vacation reply with only its subject to go by (encoded word, no auto headers). */
export function outOfOfficeFrench(
  inReplyTo = '<ooo2@library.example>',
  from = 'marie.tremblay@exemple.qc.ca',
): string {
  return crlf(`From: =?UTF-8?Q?Marie_Tremblay?= <${from}>
To: care@library.example
Subject: =?UTF-8?Q?R=C3=A9ponse_automatique=C2=A0:_Des_nouvelles_de_la_biblioth?=
 =?UTF-8?Q?=C3=A8que?=
Date: ${DATE}
Message-ID: <fr-auto-1@exemple.qc.ca>
In-Reply-To: ${inReplyTo}
References: <older@library.example> ${inReplyTo}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Je suis absente du bureau jusqu'au 10 mars.
`);
}

/** "Absence du bureau" from an older Exchange, marked with X-Autoreply. */
export function absenceDuBureau(from = 'luc.gagnon@exemple.qc.ca'): string {
  return crlf(`From: Luc Gagnon <${from}>
To: care@library.example
Subject: Absence du bureau
Date: ${DATE}
Message-ID: <abs-1@exemple.qc.ca>
X-Autoreply: yes
Content-Type: text/plain; charset=utf-8

Absent jusqu'au 12 mars.
`);
}

/** qmail's plain-text "failure notice" with the returned message pasted below it. */
export function qmailBounce(messageId = '<q1@library.example>', to = 'robin@example.net'): string {
  return crlf(`Return-Path: <>
Date: 4 Mar 2025 15:15:04 -0000
From: MAILER-DAEMON@mx1.example.net
To: bounces@library.example
Subject: failure notice

Hi. This is the qmail-send program at mx1.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<${to}>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

${originalHeaders(messageId, to)}
Hello Robin, we are calling patrons this week.
`);
}

/** Exim's plain-text bounce: X-Failed-Recipients names the address. */
export function eximBounce(messageId = '<e1@library.example>', to = 'kim@example.com'): string {
  return crlf(`Return-path: <>
From: Mail Delivery System <Mailer-Daemon@mx.example.com>
To: bounces@library.example
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: ${to}
Auto-Submitted: auto-replied
Content-Type: text/plain; charset=us-ascii

This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  ${to}
    host mx.example.com [192.0.2.80]
    SMTP error from remote mail server after RCPT TO:<${to}>:
    550 No such user here

------ This is a copy of the message, including all the headers. ------

${originalHeaders(messageId, to)}
Hello Kim.
`);
}

/** An old Exchange server's plain-text NDR: the status hides in "<host #5.1.1 smtp;...>". */
export function exchangeLegacyNdr(to = 'alex@fabrikam.example'): string {
  return crlf(`From: System Administrator <postmaster@fabrikam.example>
To: bounces@library.example
Subject: Undeliverable: Checking in from Riverside Public Library
Content-Type: text/plain; charset=us-ascii

Your message did not reach some or all of the intended recipients.

      Subject:  Checking in from Riverside Public Library
      Sent:     3/4/2025 10:15 AM

The following recipient(s) cannot be reached:

      ${to} on 3/4/2025 10:15 AM
            The e-mail account does not exist at the organization this message was sent to.
            <mx.fabrikam.example #5.1.1 smtp;550 5.1.1 RESOLVER.ADR.RecipNotFound; not found>
`);
}
