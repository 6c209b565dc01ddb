import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  resolveSession,
  type ResolvedSession,
  type SessionPolicy,
} from '../core/auth/auth.service.js';
import type { Ctx } from '../core/context.js';
import { AppError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import type { Role } from '../shared/roles.js';

export const SESSION_COOKIE = 'od_session';

/**
 * Who may call a route. Every /api route must say (deny by default, TRUST SC-5):
 * 'public' (no session), 'signed-in' (any role), or the roles allowed.
 */
export type Access = 'public' | 'signed-in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    sessionToken: string | undefined;
  }
}

export interface AuthOptions {
  db: Db;
  now: () => Date;
  sessions: SessionPolicy;
}

/** Resolves the session cookie on every request and enforces each route's declared access. */
export function registerAuth(app: FastifyInstance, options: AuthOptions): void {
  app.decorateRequest('session', null);
  app.decorateRequest('sessionToken', undefined);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`Route ${route.url} does not declare its access`);
    }
  });

  app.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined || access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined && token !== '') {
      request.sessionToken = token;
      request.session = await resolveSession(options.db, token, options.now(), options.sessions);
    }
    if (request.session === null) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    assertSameOrigin(request);
    if (access !== 'signed-in' && !access.includes(request.session.actor.role)) {
      throw new AppError('FORBIDDEN', 'You are not allowed to do this');
    }
  });
}

/**
 * A state-changing request that carries an Origin must come from this site (defence in depth on
 * top of SameSite cookies).
 */
function assertSameOrigin(request: FastifyRequest): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw new AppError('FORBIDDEN', 'Cross-site request refused');
  }
  if (host !== request.headers.host) throw new AppError('FORBIDDEN', 'Cross-site request refused');
}

export function setSessionCookie(
  reply: FastifyReply,
  token: string,
  options: { secure: boolean; maxAgeSeconds: number },
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}

/** The use-case context for a signed-in request. */
export function ctxOf(request: FastifyRequest, base: { db: Db; now: () => Date }): Ctx {
  if (request.session === null) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return {
    db: base.db,
    now: base.now,
    actor: request.session.actor,
    log: request.log,
    origin: { ip: request.ip, requestId: request.id },
  };
}

/** The context for a public route: no actor. Only use cases safe for anonymous callers may take it. */
export function anonymousCtxOf(request: FastifyRequest, base: { db: Db; now: () => Date }): Ctx {
  return {
    db: base.db,
    now: base.now,
    actor: null,
    log: request.log,
    origin: { ip: request.ip, requestId: request.id },
  };
}
