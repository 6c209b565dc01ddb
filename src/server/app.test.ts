import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../tests/helpers/db.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTestApp, testMailDeps } from '../../tests/helpers/http.js';
import { buildApp, type AppInstance } from './app.js';

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

describe('the HTTP app', () => {
  it('answers /healthz after checking the database', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('says the database is unreachable on /healthz when it is', async () => {
    await t.db.destroy();
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: { code: 'SERVICE_UNAVAILABLE' } });
  });

  it('sends security headers with a CSP that allows no third-party origin', async () => {
    const response = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:|unsafe-inline|\*/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('publishes an OpenAPI 3 document naming every operation', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    const ids = operations.map((o) => o.operationId);
    expect(ids).not.toContain(undefined);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'signIn',
        'signOut',
        'getCurrentUser',
        'listUsers',
        'createUser',
        'updateUser',
      ]),
    );
  });

  it('serves the web app at the root and at any page address, and 404s a missing file', async () => {
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'od-web-'));
    fs.writeFileSync(
      path.join(webDir, 'index.html'),
      '<!doctype html><title>Outreach Desk</title>',
    );
    fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg/>');
    const web = await buildApp({
      db: t.db,
      now: () => new Date(),
      sessions: { idleMinutes: 60, maxHours: 12 },
      secure: false,
      publicUrl: 'http://localhost',
      trustProxy: false,
      uploadsDir: webDir,
      maxUploadBytes: 1024,
      defaultRegion: 'CA',
      mail: testMailDeps(),
      webDir,
    });
    try {
      for (const url of ['/', '/campaigns/3/practice', '/setup']) {
        const page = await web.inject({ method: 'GET', url });
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('<title>Outreach Desk</title>');
      }
      expect((await web.inject({ method: 'GET', url: '/favicon.svg' })).statusCode).toBe(200);
      expect((await web.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
    } finally {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });

  it('answers an unknown API path with a 404 in the error shape', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('answers a body that is not JSON with a clear 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a body over the size limit', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE' } });
  });
});
