import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createStaff } from '../../../tests/helpers/factories.js';
import { updateUser } from '../users/users.service.js';
import { resolveSession, signIn, signOut } from './auth.service.js';
import { completeSetup, issueSetupToken, isSetupNeeded } from './setup.service.js';

let t: TestDatabase;
let clock: TestClock;
const policy = { idleMinutes: 60, maxHours: 12 };

beforeEach(async () => {
  t = await createTestDb();
  clock = testClock();
});
afterEach(() => t.destroy());

const attempt = (email: string, password: string, ip = '198.51.100.7') =>
  signIn(testCtx(t.db, null, clock), { email, password, ip }, policy);

describe('signing in', () => {
  it('opens a session whose token is stored only as a hash', async () => {
    const caller = await createStaff(t.db, 'caller');
    const result = await attempt(caller.email.toUpperCase(), caller.password);
    expect(result.user.id).toBe(caller.id);
    const stored = await t.db.selectFrom('sessions').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.id).not.toBe(result.token);
    expect(result.token.length).toBeGreaterThanOrEqual(43);
    expect(await resolveSession(t.db, result.token, clock.now(), policy)).toMatchObject({
      actor: { id: caller.id },
    });
  });

  it('gives the same answer for an unknown account and a wrong password, and audits both', async () => {
    const caller = await createStaff(t.db, 'caller');
    await expect(attempt('nobody@library.example.org', 'whatever whatever')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'E-mail or password is not right',
    });
    await expect(attempt(caller.email, 'wrong wrong wrong')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: 'E-mail or password is not right',
    });
    const failures = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'auth.sign_in_failed')
      .execute();
    expect(failures).toHaveLength(2);
  });

  it('refuses a disabled account even with the right password', async () => {
    const caller = await createStaff(t.db, 'caller', { disabled: true });
    await expect(attempt(caller.email, caller.password)).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
  });

  it('slows down repeated failures from one address, then lets the real password through after the wait', async () => {
    const caller = await createStaff(t.db, 'caller');
    for (let i = 0; i < 5; i += 1) {
      await expect(attempt(caller.email, `wrong guess ${i}`)).rejects.toMatchObject({
        code: 'INVALID_CREDENTIALS',
      });
    }
    await expect(attempt(caller.email, caller.password)).rejects.toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      details: { retryAfterSeconds: 2 },
    });
    clock.advance(2_000);
    await expect(attempt(caller.email, caller.password)).resolves.toMatchObject({
      user: { id: caller.id },
    });
  });

  it('never locks the real staff member out when an attacker guesses from many addresses', async () => {
    const caller = await createStaff(t.db, 'caller');
    const refusals = new Set<string>();
    for (let i = 0; i < 40; i += 1) {
      const error = await attempt(caller.email, `guess ${i}`, `203.0.113.${i}`).catch(
        (e: unknown) => e as { code: string },
      );
      refusals.add((error as { code: string }).code);
      clock.advance(1_000);
    }
    expect(refusals).toEqual(new Set(['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS']));
    // The account-wide rule only asks for a short, capped wait.
    clock.advance(30_000);
    await expect(attempt(caller.email, caller.password, '198.51.100.9')).resolves.toMatchObject({
      user: { id: caller.id },
    });
  });
});

describe('sessions', () => {
  it('end after the idle timeout', async () => {
    const caller = await createStaff(t.db, 'caller');
    const { token } = await attempt(caller.email, caller.password);
    clock.advance(59 * 60_000);
    expect(await resolveSession(t.db, token, clock.now(), policy)).not.toBeNull();
    clock.advance(59 * 60_000);
    expect(await resolveSession(t.db, token, clock.now(), policy)).not.toBeNull();
    clock.advance(61 * 60_000);
    expect(await resolveSession(t.db, token, clock.now(), policy)).toBeNull();
  });

  it('end at the absolute timeout even when used all along', async () => {
    const caller = await createStaff(t.db, 'caller');
    const { token } = await attempt(caller.email, caller.password);
    for (let h = 0; h < 12 * 2 - 1; h += 1) {
      clock.advance(30 * 60_000);
      expect(await resolveSession(t.db, token, clock.now(), policy)).not.toBeNull();
    }
    clock.advance(30 * 60_000);
    expect(await resolveSession(t.db, token, clock.now(), policy)).toBeNull();
  });

  it('end on sign-out and when the account is disabled', async () => {
    const admin = await createStaff(t.db, 'admin');
    const caller = await createStaff(t.db, 'caller');
    const first = await attempt(caller.email, caller.password);
    await signOut(testCtx(t.db, caller, clock), first.token);
    expect(await resolveSession(t.db, first.token, clock.now(), policy)).toBeNull();
    const second = await attempt(caller.email, caller.password);
    await updateUser(testCtx(t.db, admin, clock), caller.id, { disabled: true });
    expect(await resolveSession(t.db, second.token, clock.now(), policy)).toBeNull();
  });
});

describe('first-run setup', () => {
  const account = {
    email: 'head@library.example.org',
    name: 'Head Librarian',
    password: 'the first admin passphrase',
    language: 'fr' as const,
  };

  it('creates the first admin from a one-time link, and the link works only once', async () => {
    expect(await isSetupNeeded(t.db)).toBe(true);
    const token = await issueSetupToken(testCtx(t.db, null, clock));
    expect(token).toBeDefined();
    const admin = await completeSetup(testCtx(t.db, null, clock), { ...account, token: token! });
    expect(admin).toMatchObject({ role: 'admin', language: 'fr' });
    expect(await isSetupNeeded(t.db)).toBe(false);
    await expect(
      completeSetup(testCtx(t.db, null, clock), {
        ...account,
        email: 'x@library.example.org',
        token: token!,
      }),
    ).rejects.toMatchObject({ code: 'SETUP_ALREADY_DONE' });
  });

  it('refuses a wrong, replaced or expired link', async () => {
    const old = await issueSetupToken(testCtx(t.db, null, clock));
    const current = await issueSetupToken(testCtx(t.db, null, clock));
    await expect(
      completeSetup(testCtx(t.db, null, clock), { ...account, token: old! }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      completeSetup(testCtx(t.db, null, clock), { ...account, token: 'x'.repeat(43) }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    clock.advance(25 * 3600_000);
    await expect(
      completeSetup(testCtx(t.db, null, clock), { ...account, token: current! }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('issues no link once an admin exists: there is never a default password', async () => {
    await createStaff(t.db, 'admin');
    expect(await issueSetupToken(testCtx(t.db, null, clock))).toBeUndefined();
  });
});
