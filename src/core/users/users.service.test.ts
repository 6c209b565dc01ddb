import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testCtx } from '../../../tests/helpers/ctx.js';
import { createStaff } from '../../../tests/helpers/factories.js';
import type { Actor } from '../context.js';
import {
  createUser,
  listUsers,
  updateUser,
  updateOwnSettings,
  changeOwnPassword,
} from './users.service.js';

let t: TestDatabase;
let admin: Actor;

beforeEach(async () => {
  t = await createTestDb();
  admin = await createStaff(t.db, 'admin');
});
afterEach(() => t.destroy());

const newCaller = {
  email: 'Ana.Silva@Library.example.org',
  name: 'Ana Silva',
  role: 'caller' as const,
  password: 'a long enough passphrase',
};

describe('staff accounts', () => {
  it('creates an account with a lower-cased e-mail and records it in the audit log', async () => {
    const user = await createUser(testCtx(t.db, admin), newCaller);
    expect(user).toMatchObject({
      email: 'ana.silva@library.example.org',
      role: 'caller',
      language: 'en',
      disabled: false,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: admin.id, object_id: String(user.id) });
    expect(audit[0]?.details).not.toContain('passphrase');
  });

  it('refuses a second account with the same e-mail in any case', async () => {
    await createUser(testCtx(t.db, admin), newCaller);
    await expect(
      createUser(testCtx(t.db, admin), { ...newCaller, email: 'ANA.SILVA@library.example.org' }),
    ).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
  });

  it.each([
    ['too short', 'short pass'],
    ['a common password', 'password1234'],
    ['one repeated character', 'aaaaaaaaaaaaaaaa'],
    ['the e-mail itself', 'ana.silva@library.example.org'],
  ])('refuses a password that is %s', async (_label, password) => {
    await expect(
      createUser(testCtx(t.db, admin), { ...newCaller, password }),
    ).rejects.toMatchObject({
      code: expect.stringMatching(/^(WEAK_PASSWORD|VALIDATION_FAILED)$/) as unknown,
    });
  });

  it('accepts a long passphrase in any script with no composition rules', async () => {
    await expect(
      createUser(testCtx(t.db, admin), { ...newCaller, password: 'été à la bibliothèque' }),
    ).resolves.toBeTruthy();
  });

  it('lets only admins create or change accounts', async () => {
    const coordinator = await createStaff(t.db, 'coordinator');
    await expect(createUser(testCtx(t.db, coordinator), newCaller)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      updateUser(testCtx(t.db, coordinator), admin.id, { name: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('never disables or demotes the last active admin', async () => {
    await expect(
      updateUser(testCtx(t.db, admin), admin.id, { disabled: true }),
    ).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    await expect(
      updateUser(testCtx(t.db, admin), admin.id, { role: 'caller' }),
    ).rejects.toMatchObject({ code: 'LAST_ADMIN' });
    const second = await createStaff(t.db, 'admin');
    await expect(
      updateUser(testCtx(t.db, admin), second.id, { disabled: true }),
    ).resolves.toMatchObject({ disabled: true });
  });

  it('ends every session of an account when it is disabled', async () => {
    const caller = await createUser(testCtx(t.db, admin), newCaller);
    const now = new Date().toISOString();
    await t.db
      .insertInto('sessions')
      .values({
        id: 'x'.repeat(64),
        user_id: caller.id,
        created_at: now,
        last_seen_at: now,
        expires_at: now,
        ip: null,
        user_agent: null,
      })
      .execute();
    await updateUser(testCtx(t.db, admin), caller.id, { disabled: true });
    expect(await t.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
  });

  it('lists accounts by name, hiding disabled ones unless asked', async () => {
    const caller = await createUser(testCtx(t.db, admin), newCaller);
    await updateUser(testCtx(t.db, admin), caller.id, { disabled: true });
    const active = await listUsers(testCtx(t.db, admin), {}, { limit: 10, offset: 0 });
    expect(active.items.map((u) => u.id)).toEqual([admin.id]);
    const all = await listUsers(
      testCtx(t.db, admin),
      { includeDisabled: true, search: 'SILVA' },
      { limit: 10, offset: 0 },
    );
    expect(all).toMatchObject({ total: 1, items: [{ name: 'Ana Silva' }] });
  });

  it('saves a staff member’s own language and calling languages', async () => {
    const caller = await createStaff(t.db, 'caller');
    const user = await updateOwnSettings(testCtx(t.db, caller), {
      language: 'fr',
      callLanguages: ['fr', 'it', 'fr'],
    });
    expect(user).toMatchObject({ language: 'fr', callLanguages: ['fr', 'it'] });
  });

  it('changes the own password only with the current one and ends the other sessions', async () => {
    const caller = await createStaff(t.db, 'caller');
    const now = new Date().toISOString();
    for (const id of ['a'.repeat(64), 'b'.repeat(64)]) {
      await t.db
        .insertInto('sessions')
        .values({
          id,
          user_id: caller.id,
          created_at: now,
          last_seen_at: now,
          expires_at: now,
          ip: null,
          user_agent: null,
        })
        .execute();
    }
    await expect(
      changeOwnPassword(
        testCtx(t.db, caller),
        { currentPassword: 'wrong', newPassword: 'another long passphrase' },
        'a'.repeat(64),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    await changeOwnPassword(
      testCtx(t.db, caller),
      { currentPassword: caller.password, newPassword: 'another long passphrase' },
      'a'.repeat(64),
    );
    expect((await t.db.selectFrom('sessions').select('id').execute()).map((s) => s.id)).toEqual([
      'a'.repeat(64),
    ]);
  });
});
