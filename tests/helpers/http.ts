import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type AppInstance } from '../../src/server/app.js';
import type { Db } from '../../src/db/database.js';
import { STAFF_PASSWORD } from './factories.js';
import type { TestClock } from './ctx.js';

export async function buildTestApp(db: Db, clock?: TestClock): Promise<AppInstance> {
  const app = await buildApp({
    db,
    now: clock?.now ?? (() => new Date()),
    sessions: { idleMinutes: 60, maxHours: 12 },
    secure: false,
    publicUrl: 'http://localhost:3000',
    trustProxy: false,
  });
  await app.ready();
  return app;
}

/** Signs in through the API and returns the cookie header to send with later requests. */
export async function signInCookie(app: AppInstance, email: string, password = STAFF_PASSWORD): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return cookieFrom(response);
}

export function cookieFrom(response: LightMyRequestResponse): string {
  const header = response.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  if (first === undefined) throw new Error('no cookie set');
  return first.split(';')[0] ?? '';
}
