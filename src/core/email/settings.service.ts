import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import {
  updateMailSettingsInput,
  type MailSettings,
  type UpdateMailSettingsInput,
} from '../../shared/schemas/email.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { writeSettings } from '../settings-store.js';
import type { MailDeps } from './mail-deps.js';

/**
 * The admin's mail settings, stored in the settings table under `mail`. Passwords are sealed
 * (src/core/secrets.ts) and never shown back; the bounce webhook token is kept as a hash.
 */

const KEY = 'mail';
const security = z.enum(['tls', 'starttls', 'none']);

const storedSchema = z.object({
  mode: z.enum(['log', 'smtp']).default('log'),
  host: z.string().default(''),
  port: z.number().default(587),
  security: security.default('starttls'),
  username: z.string().default(''),
  /** Sealed; '' when none. */
  password: z.string().default(''),
  fromName: z.string().default(''),
  fromAddress: z.string().default(''),
  replyTo: z.string().default(''),
  connections: z.number().default(5),
  // Microsoft 365's limits for one mailbox, a safe start for most relays.
  perMinute: z.number().default(30),
  perDay: z.number().default(10_000),
  /** Active cardholders count as having implied consent to promotional mail (library policy). */
  impliedConsentForActive: z.boolean().default(false),
  bounces: z
    .object({
      enabled: z.boolean().default(false),
      host: z.string().default(''),
      port: z.number().default(993),
      security: security.default('tls'),
      username: z.string().default(''),
      password: z.string().default(''),
      mailbox: z.string().default('INBOX'),
    })
    .prefault({}),
  webhookTokenHash: z.string().default(''),
});
type Stored = z.infer<typeof storedSchema>;

/** Settings with passwords in clear, for the worker and the mailbox reader only. */
export type MailConfig = Omit<Stored, 'webhookTokenHash'> & { updatedAt: string };

async function readStored(db: Db): Promise<{ stored: Stored; updatedAt: string }> {
  const row = await db
    .selectFrom('settings')
    .select(['value', 'updated_at'])
    .where('key', '=', KEY)
    .executeTakeFirst();
  const parsed = storedSchema.safeParse(row ? JSON.parse(row.value) : {});
  return {
    stored: parsed.success ? parsed.data : storedSchema.parse({}),
    updatedAt: row?.updated_at ?? '',
  };
}

function present(stored: Stored): MailSettings {
  const { password, webhookTokenHash, bounces, ...rest } = stored;
  const { password: bouncePassword, ...bounceRest } = bounces;
  return {
    ...rest,
    passwordSet: password !== '',
    bounces: { ...bounceRest, passwordSet: bouncePassword !== '' },
    webhookTokenSet: webhookTokenHash !== '',
  };
}

export async function getMailSettings(ctx: Ctx): Promise<MailSettings> {
  assertRole(ctx, 'admin');
  return present((await readStored(ctx.db)).stored);
}

/** The settings with passwords opened, for sending and reading bounces. */
export async function loadMailConfig(db: Db, deps: Pick<MailDeps, 'sealer'>): Promise<MailConfig> {
  const { stored, updatedAt } = await readStored(db);
  const open = (sealed: string) => (sealed === '' ? '' : deps.sealer.open(sealed));
  const { webhookTokenHash: _hash, ...rest } = stored;
  return {
    ...rest,
    password: open(stored.password),
    bounces: { ...stored.bounces, password: open(stored.bounces.password) },
    updatedAt,
  };
}

function writeStored(ctx: Ctx, stored: Stored): Promise<void> {
  return writeSettings(ctx, KEY, stored);
}

/**
 * Changes the mail settings. A password left out is kept; an empty one is removed.
 * @throws VALIDATION_FAILED (e.g. a relay without a host or a from address), FORBIDDEN
 */
export async function updateMailSettings(
  ctx: Ctx,
  deps: Pick<MailDeps, 'sealer'>,
  raw: UpdateMailSettingsInput,
): Promise<MailSettings> {
  assertRole(ctx, 'admin');
  const input = parseInput(updateMailSettingsInput, raw);
  return inTransaction(ctx, async (tx) => {
    const { stored } = await readStored(tx.db);
    const seal = (plain: string | undefined, current: string) =>
      plain === undefined ? current : plain === '' ? '' : deps.sealer.seal(plain);
    const { password, bounces, ...plain } = input;
    const next: Stored = {
      ...stored,
      ...plain,
      password: seal(password, stored.password),
      bounces: {
        ...stored.bounces,
        ...bounces,
        password: seal(bounces?.password, stored.bounces.password),
      },
    };
    const issues = [
      ...(next.mode === 'smtp' && next.host === ''
        ? [{ path: 'host', message: 'a relay needs a host' }]
        : []),
      ...(next.mode === 'smtp' && next.fromAddress === ''
        ? [{ path: 'fromAddress', message: 'a relay needs a from address' }]
        : []),
      ...(next.bounces.enabled && next.bounces.host === ''
        ? [{ path: 'bounces.host', message: 'the bounce mailbox needs a host' }]
        : []),
    ];
    if (issues.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        { issues },
      );
    await writeStored(tx, next);
    await recordAudit(tx, {
      action: 'mail_settings.update',
      objectType: 'settings',
      objectId: KEY,
      // Which fields changed, never a password.
      details: {
        fields: Object.keys(input).flatMap((k) =>
          k === 'bounces' ? Object.keys(bounces ?? {}).map((b) => `bounces.${b}`) : [k],
        ),
      },
    });
    return present(next);
  });
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes a new bounce webhook token (the old one stops working) and returns it, once. */
export async function rotateBounceWebhookToken(ctx: Ctx): Promise<string> {
  assertRole(ctx, 'admin');
  const token = randomBytes(24).toString('base64url');
  await inTransaction(ctx, async (tx) => {
    const { stored } = await readStored(tx.db);
    await writeStored(tx, { ...stored, webhookTokenHash: hashToken(token) });
    await recordAudit(tx, {
      action: 'mail_settings.webhook_token',
      objectType: 'settings',
      objectId: KEY,
    });
  });
  return token;
}

/** Whether `token` is the current bounce webhook token (compared in constant time). */
export async function isBounceWebhookToken(db: Db, token: string): Promise<boolean> {
  const { stored } = await readStored(db);
  if (stored.webhookTokenHash === '' || token === '') return false;
  return timingSafeEqual(
    Buffer.from(hashToken(token), 'hex'),
    Buffer.from(stored.webhookTokenHash, 'hex'),
  );
}
