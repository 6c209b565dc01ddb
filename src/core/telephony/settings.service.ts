import type { Db } from '../../db/database.js';
import {
  DEFAULT_TELEPHONY_SETTINGS,
  telephonySettingsSchema,
  updateTelephonySettingsInput,
  type TelephonySettings,
  type UpdateTelephonySettingsInput,
} from '../../shared/schemas/telephony.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { readSettings, writeSettings } from '../settings-store.js';

/**
 * The library's phone system for the built-in softphone, stored in the settings table under
 * `telephony`. Nothing here is secret from staff: the TURN credentials go to every browser that
 * places calls. Staff members' SIP passwords are kept apart (accounts.service.ts), sealed.
 */

const KEY = 'telephony';

/** The settings as saved, defaults until an admin sets them. For the server's own use. */
export function readTelephonySettings(db: Db): Promise<TelephonySettings> {
  return readSettings(db, KEY, telephonySettingsSchema, DEFAULT_TELEPHONY_SETTINGS);
}

export async function getTelephonySettings(ctx: Ctx): Promise<TelephonySettings> {
  assertRole(ctx, 'admin');
  return readTelephonySettings(ctx.db);
}

/** The origin browsers open the WebSocket to, for the page's Content-Security-Policy. */
export function webSocketOrigin(settings: TelephonySettings): string | null {
  if (!settings.enabled || settings.webSocketUrl === '') return null;
  const url = new URL(settings.webSocketUrl);
  return `${url.protocol}//${url.host}`;
}

/**
 * Changes the phone system settings. Admins only. Turning the softphone on needs the WebSocket
 * URL and the SIP domain. @throws VALIDATION_FAILED, FORBIDDEN
 */
export async function updateTelephonySettings(
  ctx: Ctx,
  raw: UpdateTelephonySettingsInput,
): Promise<TelephonySettings> {
  assertRole(ctx, 'admin');
  const changes = parseInput(updateTelephonySettingsInput, raw);
  return inTransaction(ctx, async (tx) => {
    const next = parseInput(telephonySettingsSchema, {
      ...(await readTelephonySettings(tx.db)),
      ...changes,
    });
    const missing = next.enabled
      ? [
          ...(next.webSocketUrl === ''
            ? [{ path: 'webSocketUrl', message: 'the softphone needs the WebSocket URL' }]
            : []),
          ...(next.sipDomain === ''
            ? [{ path: 'sipDomain', message: 'the softphone needs the SIP domain' }]
            : []),
        ]
      : [];
    if (missing.length > 0)
      throw new AppError(
        'VALIDATION_FAILED',
        missing.map((i) => `${i.path}: ${i.message}`).join('; '),
        { issues: missing },
      );
    await writeSettings(tx, KEY, next);
    await recordAudit(tx, {
      action: 'telephony_settings.update',
      objectType: 'settings',
      objectId: KEY,
      // Which fields changed; TURN credentials are not written to the log.
      details: { fields: Object.keys(changes) },
    });
    return next;
  });
}
