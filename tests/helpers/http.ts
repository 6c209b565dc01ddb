import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { createSealer } from '../../src/core/secrets.js';
import type { MailDeps } from '../../src/core/email/mail-deps.js';
import { buildApp, type AppInstance } from '../../src/server/app.js';
import type { Db } from '../../src/db/database.js';
import { STAFF_PASSWORD } from './factories.js';
import type { TestClock } from './ctx.js';

/** Mail dependencies for tests: a fresh key, and .eml files under the system's temp folder. */
export function testMailDeps(overrides: Partial<MailDeps> = {}): MailDeps {
  return {
    publicUrl: 'http://localhost:3000',
    sealer: createSealer(randomBytes(32)),
    logDir: path.join(os.tmpdir(), 'od-test-mail'),
    ...overrides,
  };
}

export async function buildTestApp(
  db: Db,
  clock?: TestClock,
  mail: MailDeps = testMailDeps(),
): Promise<AppInstance> {
  const app = await buildApp({
    db,
    now: clock?.now ?? (() => new Date()),
    sessions: { idleMinutes: 60, maxHours: 12 },
    secure: false,
    publicUrl: 'http://localhost:3000',
    trustProxy: false,
    uploadsDir: path.join(os.tmpdir(), 'od-test-uploads'),
    maxUploadBytes: 5 * 1024 * 1024,
    defaultRegion: 'CA',
    mail,
  });
  await app.ready();
  return app;
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signInCookie(
  app: AppInstance,
  email: string,
  password = STAFF_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return cookieFrom(response);
}

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (first === undefined) throw new Error('no cookie set');
  return first.split(';')[0] ?? '';
}

/** A multipart/form-data body with text fields and one file, for upload routes. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; content: string | Buffer; type?: string },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----outreach${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${file.name}"\r\ncontent-type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
