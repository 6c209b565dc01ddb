import { simpleParser, type Attachment, type ParsedMail, type StructuredHeader } from 'mailparser';

/**
 * Classifies what arrives in the bounce mailbox: RFC 3464 delivery status notifications, RFC 5965
 * (ARF) complaints, out-of-office replies, and the plain-text bounces some servers still send.
 *
 * Everything here reads untrusted mail, so it never throws (garbage is `unknown`), bounds the
 * input it looks at, and uses only string scans and regexes that cannot backtrack badly.
 */

export type ReportKind = 'hard_bounce' | 'soft_bounce' | 'complaint' | 'auto_reply' | 'unknown';

export interface DeliveryReport {
  kind: ReportKind;
  /** Lower-cased addresses the report is about (Final-Recipient / Original-Recipient, or the ARF's). */
  recipients: string[];
  /** Message-ID of our original message, with angle brackets, e.g. "<abc@library.example>", or null. */
  originalMessageId: string | null;
  /** Enhanced status code, e.g. "5.1.1". */
  status: string | null;
  /** Diagnostic-Code text, trimmed, max 1000 chars. */
  diagnostic: string | null;
}

/** Larger messages are classified from their first 20 MB: reports sit at the start. */
const MAX_INPUT_BYTES = 20 * 1024 * 1024;
/** How much of a report part or of a returned message's head is read. */
const MAX_PART_CHARS = 256 * 1024;
/** How much of a plain-text bounce is searched. */
const MAX_TEXT_CHARS = 100_000;
const MAX_BLOCKS = 1000;
const MAX_FIELD_CHARS = 10_000;
const MAX_RECIPIENTS = 100;
const MAX_DIAGNOSTIC = 1000;

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const MDN_TYPES = new Set([
  'message/disposition-notification',
  'message/global-disposition-notification',
]);
const RETURNED_TYPES = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/global-headers',
]);
const COMPLAINT_TYPES = new Set(['abuse', 'fraud']);

/** Local parts that bounce messages come from (Exchange adds a hex suffix to its own). */
const DAEMON_LOCAL_PARTS = new Set([
  'mailer-daemon',
  'mailer_daemon',
  'mailerdaemon',
  'mail-daemon',
  'postmaster',
  'mdaemon',
]);

/** Phrases that mean the address does not exist, in bounces without a DSN. */
const HARD_PHRASES = [
  'user unknown',
  'unknown user',
  'mailbox unavailable',
  'no such user',
  'no such mailbox',
  'no mailbox here',
  'mailbox not found',
  'user not found',
  'recipient not found',
  'recipnotfound',
  'invalid recipient',
  'recipient address rejected',
  'unrouteable address',
  'not a valid mailbox',
  'account has been disabled',
  'account is disabled',
  'does not exist',
  "doesn't exist",
];
const SOFT_PHRASES = [
  'mailbox full',
  'mailbox is full',
  'over quota',
  'quota exceeded',
  'insufficient storage',
];

/** Where a plain-text bounce starts quoting the returned message: diagnostics come before it. */
const RETURNED_COPY_MARKERS = [
  'below this line is a copy of the message',
  'this is a copy of the message',
  'original message follows',
  'original message headers',
  'the original message was received',
  'headers of the original message',
  'header of the original message',
  '----- original message -----',
  'undelivered message headers',
];

/** Auto-reply subjects (lower case, accents as written by the common clients). */
const AUTO_REPLY_SUBJECTS = [
  'out of office',
  'out of the office',
  'automatic reply',
  'auto reply',
  'auto-reply',
  'autoreply',
  'auto:',
  'réponse automatique',
  'reponse automatique',
  'absence du bureau',
  'absent du bureau',
  'abwesenheitsnotiz',
  'automatische antwort',
  'respuesta automática',
  'fuera de la oficina',
];

type Fields = Map<string, string[]>;

export async function classifyMessage(raw: Buffer | string): Promise<DeliveryReport> {
  try {
    return await classify(raw);
  } catch {
    return report('unknown');
  }
}

async function classify(raw: Buffer | string): Promise<DeliveryReport> {
  const input =
    typeof raw === 'string' ? raw.slice(0, MAX_INPUT_BYTES) : raw.subarray(0, MAX_INPUT_BYTES);
  const mail = await simpleParser(input, {
    // message/delivery-status and embedded messages as raw attachments: their fields are read
    // here, and a returned message's own MIME tree is never worth parsing.
    keepDeliveryStatus: true,
    ignoreEmbedded: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
    keepCidLinks: true,
    checksumAlgo: false,
    maxHtmlLengthToParse: 2_000_000,
  });
  const headers = topHeaders(mail);

  const feedbackPart = mail.attachments.find((a) => a.contentType === 'message/feedback-report');
  const reportType = reportTypeOf(mail);
  if (feedbackPart !== undefined || reportType === 'feedback-report') {
    return classifyFeedback(mail, headers, feedbackPart);
  }

  // A read receipt (RFC 8098) is automatic too, and no reason to act.
  const mdnPart = mail.attachments.find((a) => MDN_TYPES.has(a.contentType));
  if (mdnPart !== undefined || reportType === 'disposition-notification') {
    const fields = mergeBlocks(mdnPart === undefined ? [] : parseFieldBlocks(partText(mdnPart)));
    const original = fields.get('original-message-id')?.[0];
    return report('auto_reply', {
      recipients: addressList(fields.get('final-recipient') ?? []),
      originalMessageId: (original === undefined ? null : messageIdIn(original)) ?? replyToId(mail),
    });
  }

  const dsnPart = mail.attachments.find((a) => DSN_TYPES.has(a.contentType));
  if (dsnPart !== undefined) {
    const dsn = classifyDsn(mail, dsnPart);
    if (dsn !== null) return dsn;
  }

  const failedRecipients = addressList(headers.get('x-failed-recipients') ?? []);
  const daemon = isDaemon(mail);
  if (daemon || failedRecipients.length > 0) {
    return classifyPlainBounce(mail, failedRecipients);
  }

  if (isAutoReply(mail, headers)) {
    const from = normalizeAddress(mail.from?.value[0]?.address ?? '');
    return report('auto_reply', {
      recipients: from === null ? [] : [from],
      originalMessageId: replyToId(mail),
    });
  }
  return report('unknown', { originalMessageId: replyToId(mail) });
}

function report(
  kind: ReportKind,
  fields: Partial<Omit<DeliveryReport, 'kind'>> = {},
): DeliveryReport {
  return {
    kind,
    recipients: fields.recipients ?? [],
    originalMessageId: fields.originalMessageId ?? null,
    status: fields.status ?? null,
    diagnostic: fields.diagnostic ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// RFC 3464 delivery status notifications

interface RecipientStatus {
  addresses: string[];
  kind: 'hard_bounce' | 'soft_bounce' | null;
  status: string | null;
  diagnostic: string | null;
}

/** Null when the delivery-status part has no per-recipient fields at all (a broken DSN). */
function classifyDsn(mail: ParsedMail, part: Attachment): DeliveryReport | null {
  const blocks = parseFieldBlocks(partText(part));
  const recipientBlocks = blocks.filter(
    (b) => b.has('final-recipient') || b.has('original-recipient'),
  );
  // A recipient block that lost its address field still says what happened.
  const perRecipient =
    recipientBlocks.length > 0 ? recipientBlocks : blocks.filter((b) => b.has('action'));
  if (perRecipient.length === 0) return null;

  const statuses = perRecipient.map(recipientStatus);
  const kind = statuses.some((s) => s.kind === 'hard_bounce')
    ? 'hard_bounce'
    : statuses.some((s) => s.kind === 'soft_bounce')
      ? 'soft_bounce'
      : 'unknown';
  const relevant = kind === 'unknown' ? statuses : statuses.filter((s) => s.kind === kind);
  const first = relevant[0];
  const dsnOriginalId = firstValue(blocks, 'x-original-message-id');
  return report(kind, {
    recipients: unique(relevant.flatMap((s) => s.addresses)),
    originalMessageId:
      returnedMessageId(mail) ??
      (dsnOriginalId === null ? null : messageIdIn(dsnOriginalId)) ??
      replyToId(mail),
    status: first?.status ?? null,
    diagnostic: first?.diagnostic ?? null,
  });
}

function recipientStatus(block: Fields): RecipientStatus {
  const addresses: string[] = [];
  // The original recipient is the address we sent to; the final one may be an alias's target.
  for (const name of ['original-recipient', 'final-recipient']) {
    for (const value of block.get(name) ?? []) {
      const address = normalizeAddress(value);
      if (address !== null) addresses.push(address);
    }
  }
  const action = (block.get('action')?.[0] ?? '').trim().toLowerCase();
  const diagnostic = diagnosticText(block.get('diagnostic-code')?.[0]);
  const status =
    findStatus(block.get('status')?.[0] ?? '') ??
    (diagnostic === null ? null : findStatus(diagnostic));
  let kind: RecipientStatus['kind'] = null;
  if (action === 'delayed') kind = 'soft_bounce';
  else if (action === 'failed' || action === '') {
    if (status?.startsWith('4')) kind = 'soft_bounce';
    else if (status?.startsWith('5')) kind = 'hard_bounce';
    // "failed" means the MTA gave up for good, with or without a status code.
    else if (action === 'failed') kind = 'hard_bounce';
  }
  return { addresses: unique(addresses), kind, status, diagnostic };
}

/** "smtp; 550 5.1.1 ..." → "550 5.1.1 ...". */
function diagnosticText(value: string | undefined): string | null {
  if (value === undefined) return null;
  const semi = value.indexOf(';');
  const type = semi < 0 ? '' : value.slice(0, semi).trim();
  const text = (/^[A-Za-z][A-Za-z0-9-]*$/.test(type) ? value.slice(semi + 1) : value).trim();
  return text === '' ? null : text.slice(0, MAX_DIAGNOSTIC).trim();
}

// ---------------------------------------------------------------------------------------------
// RFC 5965 feedback reports (complaints)

function classifyFeedback(
  mail: ParsedMail,
  headers: Fields,
  part: Attachment | undefined,
): DeliveryReport {
  const fields = mergeBlocks(part === undefined ? [] : parseFieldBlocks(partText(part)));
  const feedbackType = (fields.get('feedback-type')?.[0] ?? '').trim().toLowerCase();
  // A feedback loop report without a type is still a complaint: that is what they all are.
  const kind = feedbackType === '' || COMPLAINT_TYPES.has(feedbackType) ? 'complaint' : 'unknown';
  let recipients = addressList(fields.get('original-rcpt-to') ?? []);
  if (recipients.length === 0) {
    const returned = returnedHeaders(mail);
    recipients = addressList(returned?.get('to') ?? []);
  }
  if (recipients.length === 0) recipients = addressList(headers.get('x-original-to') ?? []);
  return report(kind, {
    recipients,
    originalMessageId: returnedMessageId(mail) ?? replyToId(mail),
  });
}

// ---------------------------------------------------------------------------------------------
// Plain-text bounces (qmail, Exim, old Exchange and Postfix setups)

function classifyPlainBounce(mail: ParsedMail, failedRecipients: string[]): DeliveryReport {
  const text = (mail.text ?? '').slice(0, MAX_TEXT_CHARS);
  const lower = text.toLowerCase();
  let cut = lower.length;
  for (const marker of RETURNED_COPY_MARKERS) {
    const at = lower.indexOf(marker);
    if (at >= 0 && at < cut) cut = at;
  }
  const head = text.slice(0, cut);
  const headLower = lower.slice(0, cut);

  const found = findStatusAt(head);
  const hardAt = firstPhrase(headLower, HARD_PHRASES);
  const softAt = firstPhrase(headLower, SOFT_PHRASES);
  let kind: ReportKind = 'unknown';
  if (found?.status.startsWith('5')) kind = 'hard_bounce';
  else if (found?.status.startsWith('4')) kind = 'soft_bounce';
  else if (hardAt >= 0) kind = 'hard_bounce';
  else if (softAt >= 0) kind = 'soft_bounce';
  // Exim lists permanently failed addresses in X-Failed-Recipients.
  else if (failedRecipients.length > 0) kind = 'hard_bounce';

  const at = found?.index ?? (hardAt >= 0 ? hardAt : softAt);
  const ours = new Set(
    [mail.from, ...[mail.to ?? []].flat()]
      .flatMap((a) => a?.value ?? [])
      .map((a) => (a.address ?? '').toLowerCase()),
  );
  const recipients =
    failedRecipients.length > 0
      ? failedRecipients
      : addressesIn(head).filter((a) => !ours.has(a) && !isDaemonAddress(a));
  return report(kind, {
    recipients: kind === 'unknown' ? [] : recipients,
    originalMessageId:
      returnedMessageId(mail) ?? inlineReturnedMessageId(text.slice(cut)) ?? replyToId(mail),
    status: found?.status ?? null,
    diagnostic: at >= 0 && kind !== 'unknown' ? lineAt(head, at) : null,
  });
}

function firstPhrase(lower: string, phrases: readonly string[]): number {
  let first = -1;
  for (const phrase of phrases) {
    const at = lower.indexOf(phrase);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

function lineAt(text: string, index: number): string | null {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  const line = text.slice(start, end < 0 ? undefined : end).trim();
  return line === '' ? null : line.slice(0, MAX_DIAGNOSTIC).trim();
}

/** A returned copy pasted into the bounce's text: its X-Outreach-Message-Id, else Message-ID. */
function inlineReturnedMessageId(text: string): string | null {
  let messageId: string | null = null;
  for (const line of text.slice(0, MAX_PART_CHARS).split(/\r?\n/)) {
    const lower = line.trimStart().toLowerCase();
    if (lower.startsWith('x-outreach-message-id:')) {
      const id = messageIdIn(line.slice(line.indexOf(':') + 1));
      if (id !== null) return id;
    } else if (messageId === null && lower.startsWith('message-id:')) {
      messageId = messageIdIn(line.slice(line.indexOf(':') + 1));
    }
  }
  return messageId;
}

// ---------------------------------------------------------------------------------------------
// Auto-replies

function isAutoReply(mail: ParsedMail, headers: Fields): boolean {
  const autoSubmitted = (headers.get('auto-submitted')?.[0] ?? '').split(';')[0]?.trim();
  if (autoSubmitted !== undefined && autoSubmitted !== '' && autoSubmitted.toLowerCase() !== 'no') {
    return true;
  }
  if (headers.has('x-autoreply') || headers.has('x-autorespond')) return true;
  const precedence = (headers.get('precedence')?.[0] ?? '').trim().toLowerCase();
  if (precedence === 'auto_reply') return true;
  const subject = (mail.subject ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  return AUTO_REPLY_SUBJECTS.some((s) => subject.includes(s));
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

function isDaemon(mail: ParsedMail): boolean {
  const from = mail.from?.value[0];
  if (from === undefined) return false;
  if (isDaemonAddress((from.address ?? '').toLowerCase())) return true;
  const name = from.name.toLowerCase();
  return name.includes('mail delivery') || name.includes('mailer-daemon');
}

function isDaemonAddress(address: string): boolean {
  const local = address.split('@')[0] ?? '';
  return DAEMON_LOCAL_PARTS.has(local) || local.startsWith('microsoftexchange');
}

/** The top-level header fields, unfolded, by lower-case name. */
function topHeaders(mail: ParsedMail): Fields {
  const fields: Fields = new Map();
  for (const { key, line } of mail.headerLines) {
    const value = unfold(line.slice(line.indexOf(':') + 1));
    const values = fields.get(key);
    if (values === undefined) fields.set(key, [value]);
    else values.push(value);
  }
  return fields;
}

function unfold(value: string): string {
  return value.replace(/\r?\n[ \t]+/g, ' ').trim();
}

function reportTypeOf(mail: ParsedMail): string | null {
  const contentType = mail.headers.get('content-type') as StructuredHeader | undefined;
  if (typeof contentType?.value !== 'string' || typeof contentType.params !== 'object') {
    return null;
  }
  if (contentType.value.toLowerCase() !== 'multipart/report') return null;
  return contentType.params['report-type']?.toLowerCase() ?? null;
}

function partText(part: Attachment): string {
  return part.content.subarray(0, MAX_PART_CHARS).toString('utf8');
}

/**
 * Header-style field blocks separated by blank lines (a delivery-status or feedback-report body,
 * or a message head). Names are lower-cased, folded values unfolded; lines that are not fields
 * are skipped.
 */
export function parseFieldBlocks(text: string, maxBlocks = MAX_BLOCKS): Fields[] {
  const blocks: Fields[] = [];
  let current: Fields | null = null;
  let last: { values: string[]; index: number } | null = null;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.trim() === '') {
      if (current !== null) {
        blocks.push(current);
        if (blocks.length >= maxBlocks) return blocks;
      }
      current = null;
      last = null;
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (last !== null) {
        const value = last.values[last.index] ?? '';
        if (value.length < MAX_FIELD_CHARS) {
          last.values[last.index] = `${value} ${line.trim()}`.trim().slice(0, MAX_FIELD_CHARS);
        }
      }
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (name === '' || /[\s]/.test(name)) {
      last = null;
      continue;
    }
    current ??= new Map();
    const values = current.get(name) ?? [];
    values.push(
      line
        .slice(colon + 1)
        .trim()
        .slice(0, MAX_FIELD_CHARS),
    );
    current.set(name, values);
    last = { values, index: values.length - 1 };
  }
  if (current !== null) blocks.push(current);
  return blocks;
}

function mergeBlocks(blocks: Fields[]): Fields {
  const merged: Fields = new Map();
  for (const block of blocks) {
    for (const [name, values] of block) merged.set(name, [...(merged.get(name) ?? []), ...values]);
  }
  return merged;
}

function firstValue(blocks: Fields[], name: string): string | null {
  for (const block of blocks) {
    const value = block.get(name)?.[0];
    if (value !== undefined) return value;
  }
  return null;
}

/** The head of the returned message (message/rfc822 or text/rfc822-headers part), if any. */
function returnedHeaders(mail: ParsedMail): Fields | null {
  const part = mail.attachments.find((a) => RETURNED_TYPES.has(a.contentType));
  if (part === undefined) return null;
  return parseFieldBlocks(partText(part), 1)[0] ?? null;
}

/**
 * Our Message-ID from the returned message. X-Outreach-Message-Id wins over Message-ID: relays
 * such as Office 365 and Amazon SES replace the Message-ID, our own header survives.
 */
function returnedMessageId(mail: ParsedMail): string | null {
  const returned = returnedHeaders(mail);
  if (returned === null) return null;
  for (const name of ['x-outreach-message-id', 'message-id']) {
    const value = returned.get(name)?.[0];
    const id = value === undefined ? null : messageIdIn(value);
    if (id !== null) return id;
  }
  return null;
}

/** What the report itself says it answers: In-Reply-To, else the last of References. */
function replyToId(mail: ParsedMail): string | null {
  if (mail.inReplyTo !== undefined) {
    const id = messageIdIn(mail.inReplyTo);
    if (id !== null) return id;
  }
  const references = [mail.references ?? []].flat();
  const last = references[references.length - 1];
  if (last === undefined) return null;
  const open = last.lastIndexOf('<');
  return messageIdIn(open >= 0 ? last.slice(open) : last);
}

/** The first "<id>" in a header value, or a bare "id@host" wrapped in brackets. */
export function messageIdIn(value: string): string | null {
  const open = value.indexOf('<');
  let id: string;
  if (open >= 0) {
    const close = value.indexOf('>', open);
    if (close < 0) return null;
    id = value.slice(open + 1, close).replace(/\s+/g, '');
  } else {
    id = value.trim().split(/\s+/)[0] ?? '';
  }
  if (id === '' || id.length > 995 || !id.includes('@') || /[<>\s]/.test(id)) return null;
  return `<${id}>`;
}

/**
 * A DSN or ARF address field ("rfc822; Jane@Example.org", "<jane@example.org>") as a lower-case
 * address, or null when it is not one.
 */
export function normalizeAddress(value: string): string | null {
  let address = value;
  const semi = address.indexOf(';');
  if (semi >= 0) address = address.slice(semi + 1);
  address = address.trim();
  const open = address.indexOf('<');
  if (open >= 0) {
    const close = address.indexOf('>', open);
    address = address.slice(open + 1, close < 0 ? undefined : close).trim();
  }
  if (address.length > 330) return null;
  let end = address.length;
  while (end > 0 && address[end - 1] === '.') end--;
  address = address.slice(0, end).toLowerCase();
  if (address.length < 3 || address.length > 320) return null;
  // Two exclusive character classes around one "@": no backtracking possible.
  return /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+$/.test(address) ? address : null;
}

function addressList(values: string[]): string[] {
  return unique(
    values
      .flatMap((v) => v.split(','))
      .map(normalizeAddress)
      .filter((a): a is string => a !== null),
  );
}

/** Addresses written anywhere in a text: split on separators, then check each token. */
function addressesIn(text: string): string[] {
  const found: string[] = [];
  for (const token of text.split(/[\s<>()[\]"',;:]+/)) {
    if (token.length > 320 || !token.includes('@')) continue;
    const address = normalizeAddress(token);
    if (address !== null && address.includes('.', address.indexOf('@'))) found.push(address);
  }
  return unique(found);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].slice(0, MAX_RECIPIENTS);
}

// Each of these is anchored on fixed, bounded pieces (a class digit, \d{1,3}): every start
// position costs constant work, so a scan is linear in the text.
const SMTP_WITH_ENHANCED = /\b[245]\d\d[ -]#?([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/;
const HASH_ENHANCED = /#([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/;
const BARE_ENHANCED = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/;
const SMTP_BASIC = /\b([45])\d\d[ -](?=[A-Za-z<#])/;

/** The enhanced status code in a text ("5.1.1"), falling back to a basic reply code's class. */
export function findStatus(text: string): string | null {
  return findStatusAt(text)?.status ?? null;
}

function findStatusAt(text: string): { status: string; index: number } | null {
  for (const pattern of [SMTP_WITH_ENHANCED, HASH_ENHANCED, BARE_ENHANCED]) {
    const match = pattern.exec(text);
    if (match?.[1] !== undefined) return { status: match[1], index: match.index };
  }
  const basic = SMTP_BASIC.exec(text);
  return basic?.[1] === undefined ? null : { status: `${basic[1]}.0.0`, index: basic.index };
}
