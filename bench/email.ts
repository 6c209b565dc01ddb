// Care e-mail (PERFORMANCE PA-8, PA-9): the real send path — patrons, an e-mail campaign,
// sendCampaignEmails and the MailWorker with its settings in the database — against a local SMTP
// sink in this process, beside a raw nodemailer pool sending the same messages to the same sink.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { actorOf } from '../src/core/auth/auth.service.js';
import { createCampaign } from '../src/core/campaigns/campaigns.service.js';
import { launchCampaign } from '../src/core/campaigns/call-list.service.js';
import { ensureStarterContent } from '../src/core/campaigns/starter-content.js';
import { silentLog, type Ctx } from '../src/core/context.js';
import type { MailDeps } from '../src/core/email/mail-deps.js';
import { sendCampaignEmails } from '../src/core/email/mailings.service.js';
import { updateMailSettings } from '../src/core/email/settings.service.js';
import { MailWorker } from '../src/core/email/worker.js';
import { createSealer } from '../src/core/secrets.js';
import { createUser } from '../src/core/users/users.service.js';
import type { DatabaseConfig } from '../src/config/env.js';
import { openDatabase, type OpenedDatabase } from '../src/db/client.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/** The relay: accepts every message and notes when it arrived and how big it was. */
export interface Sink {
  host: '127.0.0.1';
  port: number;
  /** performance.now() at the end of each message's DATA, in arrival order. */
  received: number[];
  bytes: number;
  reset(): void;
  stop(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    disableReverseLookup: true,
    closeTimeout: 1000,
    onData(stream, _session, callback) {
      stream.on('data', (chunk: Buffer) => (sink.bytes += chunk.length));
      stream.on('end', () => {
        sink.received.push(performance.now());
        callback();
      });
    },
  });
  const sink: Sink = {
    host: '127.0.0.1',
    port: 0,
    received: [],
    bytes: 0,
    reset() {
      sink.received = [];
      sink.bytes = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Pooled clients keep their connections open: end them rather than wait for closeTimeout.
        for (const connection of server.connections) connection._socket.destroy();
      }),
  };
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  server.on('error', () => {});
  sink.port = (server.server.address() as AddressInfo).port;
  return sink;
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One message as the app queued it: the reference sends copies of it. */
interface SampleMessage {
  from: { name: string; address: string };
  subject: string;
  html: string;
  text: string;
  headers: Array<[string, string]>;
}

interface Prepared {
  database: OpenedDatabase;
  ctx: Ctx;
  mail: MailDeps;
  /** Seconds sendCampaignEmails took to queue the mailing. */
  enqueueSeconds: number;
  sample: SampleMessage;
}

const FROM = { name: 'Maple Public Library', address: 'outreach@library.example.org' };

async function insertPatrons(db: Db, count: number): Promise<void> {
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + 500); i += 1)
      rows.push({
        card_number: `29003${String(10_000_000 + i)}`,
        external_id: null,
        first_name: `Patron${i}`,
        last_name: 'Bench',
        preferred_name: null,
        birth_date: '1950-06-15',
        language: 'en',
        branch: 'MAPL',
        patron_type: 'ADULT',
        status: 'active' as const,
        expiry_date: null,
        city: null,
        region: 'ON',
        postal_code: null,
        tags: '[]',
        phones: '[]',
        emails: JSON.stringify([`patron${i}@example.org`]),
        primary_phone: null,
        household_id: null,
        email_consent: 'express' as const,
        email_consent_at: now,
        content_hash: 'bench',
        last_import_id: null,
        created_at: now,
        updated_at: now,
      });
    await db.insertInto('patrons').values(rows).execute();
  }
}

/**
 * A migrated database with `count` consenting patrons on a launched e-mail campaign, the relay
 * settings pointing at the sink, and the "we miss you" mailing queued by sendCampaignEmails.
 */
async function prepare(
  config: DatabaseConfig,
  work: string,
  sink: Sink,
  count: number,
  relay: { connections: number; perMinute: number; perDay: number },
): Promise<Prepared> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const system: Ctx = { db: database.db, actor: null, now: () => new Date(), log: silentLog };
    await ensureStarterContent(system);
    const admin = await createUser(system, {
      email: 'bench-admin@library.example.org',
      name: 'Bench Admin',
      role: 'admin',
      password: 'bench test passphrase',
    });
    const ctx: Ctx = { ...system, actor: actorOf({ ...admin, role: 'admin' }) };
    const mail: MailDeps = {
      publicUrl: 'http://127.0.0.1:3000',
      sealer: createSealer(randomBytes(32)),
      logDir: path.join(work, 'mail'),
    };
    await updateMailSettings(ctx, mail, {
      mode: 'smtp',
      host: sink.host,
      port: sink.port,
      security: 'none',
      fromName: FROM.name,
      fromAddress: FROM.address,
      ...relay,
    });
    await insertPatrons(database.db, count);
    const campaign = await createCampaign(ctx, {
      name: 'We miss you',
      purpose: 'Bring lapsed readers back',
      legalAuthority: 'Public Libraries Act',
      contact: 'Outreach desk',
      channel: 'email',
      scriptId: null,
    });
    await launchCampaign(ctx, campaign.id);
    const template = await database.db
      .selectFrom('email_templates')
      .select('id')
      .where('starter_key', '=', 'we-miss-you')
      .executeTakeFirstOrThrow();
    const started = performance.now();
    const { queued } = await sendCampaignEmails(ctx, mail, campaign.id, {
      templateId: template.id,
    });
    const enqueueSeconds = seconds(started);
    if (queued !== count) throw new Error(`queued ${queued} of ${count} messages`);
    const row = await database.db
      .selectFrom('outbox')
      .select(['subject', 'html', 'text', 'headers'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const sample: SampleMessage = {
      from: FROM,
      subject: row.subject,
      html: row.html,
      text: row.text,
      headers: JSON.parse(row.headers) as Array<[string, string]>,
    };
    return { database, ctx, mail, enqueueSeconds, sample };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export interface Rate {
  seconds: number;
  perSecond: number;
  /** Average size on the wire, as the sink received it. */
  bytesPerMessage: number;
}

/** The reference: a bare nodemailer pool, every message handed over at once. */
async function reference(sink: Sink, sample: SampleMessage, count: number): Promise<Rate> {
  sink.reset();
  const transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: 20,
    maxMessages: Infinity,
    host: sink.host,
    port: sink.port,
    secure: false,
    ignoreTLS: true,
    logger: false,
  });
  try {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        transporter.sendMail({
          messageId: `<${randomBytes(16).toString('hex')}@127.0.0.1>`,
          from: sample.from,
          to: `patron${i}@example.org`,
          subject: sample.subject,
          text: sample.text,
          html: sample.html,
          headers: sample.headers.map(([key, value]) => ({ key, value })),
        }),
      ),
    );
    const took = seconds(started);
    if (sink.received.length !== count)
      throw new Error(`the sink got ${sink.received.length} of ${count} messages`);
    return { seconds: took, perSecond: count / took, bytesPerMessage: sink.bytes / count };
  } finally {
    transporter.close();
  }
}

async function countSent(db: Db): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'sent')
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface ThroughputResult {
  engine: string;
  messages: number;
  enqueueSeconds: number;
  /** From worker start until the last outbox row is `sent`. */
  app: Rate;
  /** Enqueue and send together. */
  endToEndPerSecond: number;
  /** The raw pool, run just before and just after the app (the machine's load drifts). */
  reference: Rate;
  referenceAfter: Rate;
}

/** PA-8: the app's send rate beside the raw pool's, on one database engine. */
export async function benchEmailThroughput(
  config: DatabaseConfig,
  work: string,
  sink: Sink,
  count: number,
): Promise<ThroughputResult> {
  fs.mkdirSync(work, { recursive: true });
  const prepared = await prepare(config, work, sink, count, {
    connections: 20,
    perMinute: 0,
    perDay: 0,
  });
  const { database, mail } = prepared;
  try {
    const ref = await reference(sink, prepared.sample, count);
    sink.reset();
    const worker = new MailWorker({ db: database.db, now: () => new Date(), log: silentLog, mail });
    mail.wake = () => worker.wake();
    const started = performance.now();
    worker.start();
    const deadline = started + 600_000;
    while ((await countSent(database.db)) < count) {
      if (performance.now() > deadline) throw new Error('the worker did not finish in 10 minutes');
      await sleep(20);
    }
    const took = seconds(started);
    await worker.stop();
    if (sink.received.length !== count)
      throw new Error(`the sink got ${sink.received.length} messages for ${count} sent`);
    const bytes = sink.bytes;
    const refAfter = await reference(sink, prepared.sample, count);
    return {
      engine: config.engine,
      messages: count,
      enqueueSeconds: prepared.enqueueSeconds,
      app: { seconds: took, perSecond: count / took, bytesPerMessage: bytes / count },
      endToEndPerSecond: count / (took + prepared.enqueueSeconds),
      reference: ref,
      referenceAfter: refAfter,
    };
  } finally {
    await database.close();
  }
}

export interface QuotaResult {
  perMinute: number;
  messages: number;
  received: number;
  runSeconds: number;
  /** Most messages the sink got in any 60-second window. */
  maxInWindow: number;
  /** Messages in the first 60 s after the worker started. */
  firstWindow: number;
  /** Fewest in any 60-second window that lies wholly in the time mail was waiting. */
  minWhileWaiting: number;
}

const WINDOW_MS = 60_000;

/** How many of the sorted times fall in [from, from + WINDOW_MS). */
function inWindow(times: number[], from: number): number {
  let n = 0;
  for (const t of times) if (t >= from && t < from + WINDOW_MS) n += 1;
  return n;
}

/**
 * PA-9: the real worker, in real time, with a 600-a-minute quota and more mail waiting than one
 * minute allows; the sink's arrival times show whether any window held more than the quota.
 */
export async function benchEmailQuota(
  config: DatabaseConfig,
  work: string,
  sink: Sink,
  options: { perMinute: number; messages: number; maxSeconds: number },
): Promise<QuotaResult> {
  fs.mkdirSync(work, { recursive: true });
  const { database, mail } = await prepare(config, work, sink, options.messages, {
    connections: 20,
    perMinute: options.perMinute,
    perDay: 0,
  });
  try {
    sink.reset();
    const worker = new MailWorker({ db: database.db, now: () => new Date(), log: silentLog, mail });
    mail.wake = () => worker.wake();
    const started = performance.now();
    worker.start();
    const deadline = started + options.maxSeconds * 1000;
    while (sink.received.length < options.messages && performance.now() < deadline)
      await sleep(100);
    await worker.stop();
    const runSeconds = seconds(started);
    const times = [...sink.received].sort((a, b) => a - b);
    let maxInWindow = 0;
    for (let i = 0, j = 0; j < times.length; j += 1) {
      while ((times[j] ?? 0) - (times[i] ?? 0) >= WINDOW_MS) i += 1;
      maxInWindow = Math.max(maxInWindow, j - i + 1);
    }
    // Mail waits until the last message goes; the count in a window only drops just after a
    // message leaves it, so those are the starts to try.
    const last = times.at(-1) ?? started;
    const starts = [started, ...times.map((t) => t + 1e-6)].filter((s) => s + WINDOW_MS <= last);
    const minWhileWaiting =
      starts.length === 0 ? 0 : Math.min(...starts.map((s) => inWindow(times, s)));
    return {
      perMinute: options.perMinute,
      messages: options.messages,
      received: times.length,
      runSeconds,
      maxInWindow,
      firstWindow: inWindow(times, started),
      minWhileWaiting,
    };
  } finally {
    await database.close();
  }
}
