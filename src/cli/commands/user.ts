import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { createUser, listUsers, updateUser } from '../../core/users/users.service.js';
import { findUserByEmail } from '../../core/users/users.repository.js';
import { AppError } from '../../core/errors.js';
import { ROLES, UI_LANGUAGES, type Role, type UiLanguage } from '../../shared/roles.js';
import { withSystemCtx } from '../context.js';
import { readPassword } from '../prompt.js';

function oneOf<T extends string>(values: readonly T[], what: string) {
  return (value: string): T => {
    if (!(values as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${what} must be one of: ${values.join(', ')}`);
    }
    return value as T;
  };
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Manage staff accounts');

  user
    .command('create')
    .description(
      'Create a staff account; the password is read from standard input when piped, else asked for',
    )
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'full name as colleagues know it')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, oneOf(ROLES, 'role'))
    .option(
      '--language <lang>',
      `interface language: ${UI_LANGUAGES.join(', ')}`,
      oneOf(UI_LANGUAGES, 'language'),
      'en',
    )
    .action(async (opts: { email: string; name: string; role: Role; language: UiLanguage }) => {
      const password = await readPassword();
      const created = await withSystemCtx((ctx) => createUser(ctx, { ...opts, password }));
      process.stdout.write(
        `Created ${created.role} ${created.name} <${created.email}> (id ${created.id})\n`,
      );
    });

  user
    .command('list')
    .description('List staff accounts')
    .option('--all', 'include disabled accounts')
    .option('--json', 'print JSON')
    .action(async (opts: { all?: boolean; json?: boolean }) => {
      const { items } = await withSystemCtx((ctx) =>
        listUsers(ctx, { includeDisabled: opts.all === true }, { limit: 10_000, offset: 0 }),
      );
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
        return;
      }
      for (const u of items) {
        process.stdout.write(
          `${String(u.id).padStart(5)}  ${u.role.padEnd(11)} ${u.disabled ? 'disabled ' : ''}${u.name} <${u.email}>\n`,
        );
      }
    });

  user
    .command('disable')
    .description('Disable a staff account and end its sessions')
    .argument('<email>', 'the account e-mail')
    .action(async (email: string) => {
      await withSystemCtx(async (ctx) => {
        const row = await findUserByEmail(ctx.db, email);
        if (!row) throw new AppError('NOT_FOUND', `No account uses ${email}`);
        await updateUser(ctx, row.id, { disabled: true });
      });
      process.stdout.write(`Disabled ${email}; their sessions have ended\n`);
    });
}
