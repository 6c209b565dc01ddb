import { z } from 'zod';
import { signIn, signOut } from '../../core/auth/auth.service.js';
import { releaseClaimsOf } from '../../core/calling/claims.service.js';
import { completeSetup, isSetupNeeded } from '../../core/auth/setup.service.js';
import { signInInput, userSchema, completeSetupInput } from '../../shared/schemas/users.js';
import type { AppDeps, AppInstance } from '../app.js';
import {
  anonymousCtxOf,
  clearSessionCookie,
  ctxOf,
  setSessionCookie,
  SESSION_COOKIE,
} from '../auth.js';
import { errorResponses, okSchema } from '../schemas.js';

export function authRoutes(app: AppInstance, deps: AppDeps): void {
  const sessions = deps.sessions;
  const cookieOptions = { secure: deps.secure, maxAgeSeconds: sessions.maxHours * 3600 };

  app.post(
    '/api/auth/sign-in',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'signIn',
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: signInInput,
        response: { 200: z.object({ user: userSchema, expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await signIn(
        anonymousCtxOf(request, deps),
        { ...request.body, ip: request.ip, userAgent: request.headers['user-agent'] },
        sessions,
      );
      setSessionCookie(reply, result.token, cookieOptions);
      return { user: result.user, expiresAt: result.expiresAt };
    },
  );

  app.post(
    '/api/auth/sign-out',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'signOut',
        tags: ['auth'],
        summary: 'End the current session',
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      const ctx = ctxOf(request, deps);
      // Patrons held by this caller go back to the pool at once.
      if (ctx.actor) await releaseClaimsOf(ctx, ctx.actor.id);
      if (token !== undefined) await signOut(ctx, token);
      clearSessionCookie(reply, deps.secure);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getSetupStatus',
        tags: ['setup'],
        summary: 'Whether first-run setup is still needed (no admin yet)',
        response: { 200: z.object({ needed: z.boolean() }), ...errorResponses },
      },
    },
    async () => ({ needed: await isSetupNeeded(deps.db) }),
  );

  app.post(
    '/api/setup',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'completeSetup',
        tags: ['setup'],
        summary: 'Create the first admin with the one-time link printed at start-up; signs them in',
        body: completeSetupInput,
        response: { 200: z.object({ user: userSchema }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = anonymousCtxOf(request, deps);
      const user = await completeSetup(ctx, request.body);
      const result = await signIn(
        ctx,
        {
          email: user.email,
          password: request.body.password,
          ip: request.ip,
          userAgent: request.headers['user-agent'],
        },
        sessions,
      );
      setSessionCookie(reply, result.token, cookieOptions);
      return { user };
    },
  );
}
