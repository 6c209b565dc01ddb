import type { Db, SipAccountsTable } from '../../db/database.js';
import {
  updateSipAccountInput,
  type SipAccount,
  type SoftphoneConfig,
  type UpdateSipAccountInput,
} from '../../shared/schemas/telephony.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Actor, type Ctx } from '../context.js';
import { AppError, forbidden, notFound, parseInput } from '../errors.js';
import { hasRole } from '../policy.js';
import type { Sealer } from '../secrets.js';
import { readTelephonySettings } from './settings.service.js';
import type { Selectable } from 'kysely';

/**
 * Each staff member's SIP account for the built-in softphone. The password is sealed at rest
 * (src/core/secrets.ts), entered by the staff member or an admin, and only ever sent back to the
 * browser of its owner (TRUST SC-, PR-): an admin sees whether one is set, never what it is.
 * Reading it to register, and every change, is audited.
 */

export interface TelephonyDeps {
  sealer: Sealer;
}

type Row = Selectable<SipAccountsTable>;

function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return ctx.actor;
}

/** The staff member themselves, or an admin (or the system: the CLI). */
function assertOwnerOrAdmin(ctx: Ctx, userId: number): void {
  if (ctx.actor?.id !== userId && !hasRole(ctx, 'admin'))
    throw forbidden('Only the staff member or an admin can see or change this phone account');
}

function findAccount(db: Db, userId: number): Promise<Row | undefined> {
  return db.selectFrom('sip_accounts').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

function present(row: Row | undefined, libraryOffers: boolean): SipAccount {
  return {
    libraryOffers,
    enabled: row ? row.enabled === 1 : true,
    username: row?.username ?? '',
    authorizationUser: row?.authorization_user ?? '',
    passwordSet: row !== undefined && row.password !== '',
    updatedAt: row?.updated_at ?? null,
  };
}

async function assertUser(db: Db, userId: number): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) throw notFound('Staff member', userId);
}

/** A staff member's account without its password. @throws FORBIDDEN, NOT_FOUND */
export async function getSipAccount(ctx: Ctx, userId: number): Promise<SipAccount> {
  assertOwnerOrAdmin(ctx, userId);
  await assertUser(ctx.db, userId);
  const { enabled } = await readTelephonySettings(ctx.db);
  return present(await findAccount(ctx.db, userId), enabled);
}

/**
 * Sets a staff member's account, or turns the softphone off or on for them. A password left out
 * is kept; an empty one removes it. @throws FORBIDDEN, NOT_FOUND, VALIDATION_FAILED
 */
export async function updateSipAccount(
  ctx: Ctx,
  deps: TelephonyDeps,
  userId: number,
  raw: UpdateSipAccountInput,
): Promise<SipAccount> {
  assertOwnerOrAdmin(ctx, userId);
  const input = parseInput(updateSipAccountInput, raw);
  return inTransaction(ctx, async (tx) => {
    await assertUser(tx.db, userId);
    const current = await findAccount(tx.db, userId);
    const { password, enabled, ...names } = input;
    const values = {
      enabled: enabled === undefined ? (current?.enabled ?? 1) : enabled ? 1 : 0,
      username: names.username ?? current?.username ?? '',
      authorization_user: names.authorizationUser ?? current?.authorization_user ?? '',
      password:
        password === undefined
          ? (current?.password ?? '')
          : password === ''
            ? ''
            : deps.sealer.seal(password),
      updated_by: tx.actor?.id ?? null,
      updated_at: tx.now().toISOString(),
    };
    await tx.db
      .insertInto('sip_accounts')
      .values({ user_id: userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    await recordAudit(tx, {
      action: 'sip_account.update',
      objectType: 'user',
      objectId: userId,
      // Which fields changed, never the password itself.
      details: { fields: Object.keys(input) },
    });
    return present({ user_id: userId, ...values }, (await readTelephonySettings(tx.db)).enabled);
  });
}

/**
 * What the signed-in staff member's browser needs to register: the library's phone system and
 * their own credentials, password opened. Audited each time the password leaves the server.
 */
export async function getSoftphoneConfig(ctx: Ctx, deps: TelephonyDeps): Promise<SoftphoneConfig> {
  const actor = requireActor(ctx);
  const settings = await readTelephonySettings(ctx.db);
  if (!settings.enabled) return { available: false, reason: 'library_off' };
  const account = await findAccount(ctx.db, actor.id);
  if (account?.enabled === 0) return { available: false, reason: 'user_off' };
  if (!account || account.username === '' || account.password === '')
    return { available: false, reason: 'no_account' };
  await recordAudit(ctx, {
    action: 'sip_account.read',
    objectType: 'user',
    objectId: actor.id,
  });
  return {
    available: true,
    webSocketUrl: settings.webSocketUrl,
    sipDomain: settings.sipDomain,
    username: account.username,
    authorizationUser:
      account.authorization_user === '' ? account.username : account.authorization_user,
    password: deps.sealer.open(account.password),
    displayName: actor.name,
    callerId: settings.callerId,
    iceServers: settings.iceServers,
    dtmf: settings.dtmf,
    extensionDelaySeconds: settings.extensionDelaySeconds,
    testTarget:
      settings.testNumber === '' ? null : `sip:${settings.testNumber}@${settings.sipDomain}`,
  };
}

/** Whether the staff member places calls with the softphone now (the dial check needs it). */
export async function softphoneOn(db: Db, userId: number): Promise<boolean> {
  const settings = await readTelephonySettings(db);
  if (!settings.enabled) return false;
  const account = await findAccount(db, userId);
  return account !== undefined && account.enabled === 1 && account.password !== '';
}
