import type { Command } from 'commander';
import { getSipAccount, updateSipAccount } from '../../core/telephony/accounts.service.js';
import {
  getTelephonySettings,
  updateTelephonySettings,
} from '../../core/telephony/settings.service.js';
import { findUserByEmail } from '../../core/users/users.repository.js';
import { AppError } from '../../core/errors.js';
import { mailDepsOf } from '../../core/email/mail-deps.js';
import type { UpdateTelephonySettingsInput } from '../../shared/schemas/telephony.js';
import { withSystemCtx } from '../context.js';
import { readPassword, readStdin } from '../prompt.js';

/**
 * The built-in softphone from the command line: the phone system settings (as JSON, the same
 * shape as the API) and staff members' SIP accounts.
 */
export function registerTelephonyCommands(program: Command): void {
  const telephony = program
    .command('telephony')
    .description('The built-in softphone: the phone system and staff SIP accounts');

  telephony
    .command('show')
    .description('Print the phone system settings as JSON')
    .action(async () => {
      const settings = await withSystemCtx((ctx) => getTelephonySettings(ctx));
      process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
    });

  telephony
    .command('set')
    .description(
      'Change the phone system settings from JSON on standard input (only the fields given change), e.g. {"enabled":true,"webSocketUrl":"wss://pbx.example:8089/ws","sipDomain":"pbx.example"}',
    )
    .action(async () => {
      const text = await readStdin();
      let changes: UpdateTelephonySettingsInput;
      try {
        changes = JSON.parse(text) as UpdateTelephonySettingsInput;
      } catch (error) {
        throw new AppError(
          'VALIDATION_FAILED',
          `Standard input is not JSON: ${(error as Error).message}`,
        );
      }
      const saved = await withSystemCtx((ctx) => updateTelephonySettings(ctx, changes));
      process.stdout.write(
        saved.enabled
          ? `The softphone is on: ${saved.webSocketUrl} (${saved.sipDomain})\n`
          : 'The softphone is off: staff call through links.\n',
      );
    });

  telephony
    .command('account <email>')
    .description(
      'Set a staff member’s SIP account; with --password the password is read from standard input when piped, else asked for',
    )
    .option('--username <user>', 'SIP user name (often the extension)')
    .option(
      '--authorization-user <user>',
      'authorization user, when the phone system wants another',
    )
    .option('--password', 'set the SIP password')
    .option('--off', 'turn the softphone off for this staff member')
    .option('--on', 'turn the softphone back on for this staff member')
    .action(
      async (
        email: string,
        opts: {
          username?: string;
          authorizationUser?: string;
          password?: boolean;
          off?: boolean;
          on?: boolean;
        },
      ) => {
        const password = opts.password === true ? await readPassword() : undefined;
        const account = await withSystemCtx(async (ctx, config) => {
          const user = await findUserByEmail(ctx.db, email);
          if (!user) throw new AppError('NOT_FOUND', `No staff member has the e-mail ${email}`);
          const changes = {
            ...(opts.username === undefined ? {} : { username: opts.username }),
            ...(opts.authorizationUser === undefined
              ? {}
              : { authorizationUser: opts.authorizationUser }),
            ...(password === undefined ? {} : { password }),
            ...(opts.off === true ? { enabled: false } : opts.on === true ? { enabled: true } : {}),
          };
          if (Object.keys(changes).length === 0) return getSipAccount(ctx, user.id);
          return updateSipAccount(ctx, mailDepsOf(config), user.id, changes);
        });
        process.stdout.write(
          `${email}: ${account.username === '' ? 'no SIP user' : `SIP user ${account.username}`}, ${account.passwordSet ? 'password set' : 'no password'}, softphone ${account.enabled ? 'on' : 'off'}\n`,
        );
      },
    );
}
