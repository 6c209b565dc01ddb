import { z } from 'zod';
import {
  changeOwnPassword,
  createUser,
  getUser,
  listUsers,
  updateOwnSettings,
  updateUser,
} from '../../core/users/users.service.js';
import { roleSchema } from '../../shared/schemas/users.js';
import {
  changePasswordInput,
  createUserInput,
  updateOwnSettingsInput,
  updateUserInput,
  userSchema,
} from '../../shared/schemas/users.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses, okSchema, pageOf, pageQuery } from '../schemas.js';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';

const userIdParam = z.object({ userId: z.coerce.number().int().positive() });

function currentUser(request: FastifyRequest) {
  if (request.session === null) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  return request.session.user;
}

export function userRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/me',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getCurrentUser',
        tags: ['users'],
        summary: 'The signed-in staff member',
        response: { 200: userSchema, ...errorResponses },
      },
    },
    (request) => Promise.resolve(currentUser(request)),
  );

  app.patch(
    '/api/me',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'updateCurrentUser',
        tags: ['users'],
        summary: 'Change your own name, interface language or calling languages',
        body: updateOwnSettingsInput,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => updateOwnSettings(ctxOf(request, deps), request.body),
  );

  app.post(
    '/api/me/password',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'changePassword',
        tags: ['users'],
        summary: 'Change your own password; your other sessions end',
        body: changePasswordInput,
        response: { 200: okSchema, ...errorResponses },
      },
    },
    async (request) => {
      await changeOwnPassword(ctxOf(request, deps), request.body, request.session?.sessionId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/users',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'listUsers',
        tags: ['users'],
        summary: 'Staff accounts, by name',
        querystring: pageQuery.extend({
          role: roleSchema.optional(),
          search: z.string().max(100).optional(),
          includeDisabled: z.enum(['true', 'false']).optional(),
        }),
        response: { 200: pageOf(userSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { limit, offset, role, search, includeDisabled } = request.query;
      return listUsers(
        ctxOf(request, deps),
        { role, search, includeDisabled: includeDisabled === 'true' },
        { limit, offset },
      );
    },
  );

  app.post(
    '/api/users',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'createUser',
        tags: ['users'],
        summary: 'Create a staff account',
        body: createUserInput,
        response: { 201: userSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(ctxOf(request, deps), request.body)),
  );

  app.get(
    '/api/users/:userId',
    {
      config: { access: ['admin', 'coordinator'] },
      schema: {
        operationId: 'getUser',
        tags: ['users'],
        summary: 'One staff account',
        params: userIdParam,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => getUser(ctxOf(request, deps), request.params.userId),
  );

  app.patch(
    '/api/users/:userId',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'updateUser',
        tags: ['users'],
        summary: 'Change a staff account: name, e-mail, role, language, disabled, password',
        params: userIdParam,
        body: updateUserInput,
        response: { 200: userSchema, ...errorResponses },
      },
    },
    async (request) => updateUser(ctxOf(request, deps), request.params.userId, request.body),
  );
}
