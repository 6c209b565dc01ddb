import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueSetupToken } from '../../core/auth/setup.service.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testCtx } from '../../../tests/helpers/ctx.js';
import { createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, cookieFrom, signInCookie } from '../../../tests/helpers/http.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
beforeEach(async () => {
  t = await createTestDb();
  app = await buildTestApp(t.db);
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

describe('signIn and getCurrentUser', () => {
  it('lets an API client sign in and read the current user with the cookie it got', async () => {
    const caller = await createStaff(t.db, 'caller', { name: 'Priya Natarajan' });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: caller.email, password: caller.password },
    });
    expect(signIn.statusCode).toBe(200);
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(/od_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: cookieFrom(signIn) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: caller.id, name: 'Priya Natarajan', role: 'caller' });
    expect(me.json()).not.toHaveProperty('passwordHash');
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('answers 401 in the error shape without a session, and after sign-out', async () => {
    const caller = await createStaff(t.db, 'caller');
    const anonymous = await app.inject({ method: 'GET', url: '/api/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({
      error: {
        code: 'UNAUTHENTICATED',
        message: 'Sign in first',
        requestId: anonymous.headers['x-request-id'],
      },
    });
    const cookie = await signInCookie(app, caller.email);
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie },
    });
    expect(out.statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('sends Retry-After when sign-ins are throttled', async () => {
    const caller = await createStaff(t.db, 'caller');
    for (let i = 0; i < 5; i += 1) {
      await app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: caller.email, password: `wrong ${i}` },
      });
    }
    const throttled = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: caller.email, password: caller.password },
    });
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('names the invalid fields of a malformed body', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'x' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      error: { code: string; details: { issues: { path: string }[] } };
    }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i) => i.path)).toContain('body.password');
  });

  it('refuses a state-changing request from another site', async () => {
    const caller = await createStaff(t.db, 'caller');
    const cookie = await signInCookie(app, caller.email);
    const response = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie, origin: 'https://evil.example.net' },
      payload: { language: 'fr' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('first-run setup over HTTP', () => {
  it('creates the first admin and signs them in', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needed: true,
    });
    const token = await issueSetupToken({ ...testCtx(t.db), now: () => new Date() });
    const response = await app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: {
        token,
        email: 'head@library.example.org',
        name: 'Head Librarian',
        password: 'first admin passphrase',
        language: 'en',
      },
    });
    expect(response.statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: cookieFrom(response) },
    });
    expect(me.json()).toMatchObject({ role: 'admin', email: 'head@library.example.org' });
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({
      needed: false,
    });
  });
});
