import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/roles.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie } from '../../../tests/helpers/http.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role, string>;
let otherCallerId: number;

beforeEach(async () => {
  t = await createTestDb();
  app = await buildTestApp(t.db);
  for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
    const staff = await createStaff(t.db, role);
    cookies[role] = await signInCookie(app, staff.email);
  }
  otherCallerId = (await createStaff(t.db, 'caller')).id;
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const newUser = {
  email: 'new.caller@library.example.org',
  name: 'New Caller',
  role: 'caller',
  password: 'a fine long passphrase',
};

/** Role × route × someone else's object (TRUST SC-5). */
const matrix: {
  name: string;
  method: 'GET' | 'POST' | 'PATCH';
  url: () => string;
  payload?: object;
  allowed: Role[];
}[] = [
  { name: 'listUsers', method: 'GET', url: () => '/api/users', allowed: ['admin', 'coordinator'] },
  {
    name: 'getUser (someone else)',
    method: 'GET',
    url: () => `/api/users/${otherCallerId}`,
    allowed: ['admin', 'coordinator'],
  },
  {
    name: 'createUser',
    method: 'POST',
    url: () => '/api/users',
    payload: newUser,
    allowed: ['admin'],
  },
  {
    name: 'updateUser (someone else)',
    method: 'PATCH',
    url: () => `/api/users/${otherCallerId}`,
    payload: { name: 'Renamed' },
    allowed: ['admin'],
  },
  { name: 'listAuditEvents', method: 'GET', url: () => '/api/audit', allowed: ['admin'] },
  { name: 'verifyAuditLog', method: 'GET', url: () => '/api/audit/verify', allowed: ['admin'] },
  {
    name: 'getCurrentUser',
    method: 'GET',
    url: () => '/api/me',
    allowed: ['admin', 'coordinator', 'caller', 'viewer'],
  },
  {
    name: 'updateCurrentUser',
    method: 'PATCH',
    url: () => '/api/me',
    payload: { language: 'fr' },
    allowed: ['admin', 'coordinator', 'caller', 'viewer'],
  },
];

describe('role × route matrix', () => {
  for (const route of matrix) {
    for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} is ${allowed ? 'allowed' : 'refused'} for a ${role}`, async () => {
        const response = await app.inject({
          method: route.method,
          url: route.url(),
          headers: { cookie: cookies[role] },
          ...(route.payload ? { payload: route.payload } : {}),
        });
        if (allowed) expect(response.statusCode).toBeLessThan(300);
        else expect(response.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      });
    }
    it(`${route.name} needs a session`, async () => {
      const response = await app.inject({
        method: route.method,
        url: route.url(),
        ...(route.payload ? { payload: route.payload } : {}),
      });
      expect(response.statusCode).toBe(401);
    });
  }
});

describe('staff management over HTTP', () => {
  it('creates, lists, renames and disables a caller', async () => {
    const admin = { cookie: cookies.admin };
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: newUser,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    const list = await app.inject({
      method: 'GET',
      url: '/api/users?search=new%20caller',
      headers: admin,
    });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id, role: 'caller' }] });
    const disabled = await app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin,
      payload: { disabled: true, name: 'Former Caller' },
    });
    expect(disabled.json()).toMatchObject({ disabled: true, name: 'Former Caller' });
    const signIn = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: newUser.email, password: newUser.password },
    });
    expect(signIn.statusCode).toBe(401);
  });

  it('explains a duplicate e-mail and a weak password with the field', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.admin },
      payload: newUser,
    });
    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.admin },
      payload: newUser,
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      error: { code: 'EMAIL_TAKEN', details: { field: 'email' } },
    });
    const weak = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.admin },
      payload: { ...newUser, email: 'b@library.example.org', password: 'passwordpassword' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json()).toMatchObject({
      error: { code: 'WEAK_PASSWORD', details: { field: 'password' } },
    });
  });

  it('answers 404 for an account that does not exist', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/users/999999',
      headers: { cookie: cookies.admin },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
