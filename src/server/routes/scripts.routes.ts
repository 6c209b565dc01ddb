import { z } from 'zod';
import {
  createService,
  listServices,
  serviceInput,
  updateService,
} from '../../core/campaigns/catalogue.service.js';
import { getLibrarySettings, updateLibrarySettings } from '../../core/library/library.service.js';
import {
  checkScript,
  createScript,
  getScript,
  listScripts,
  saveScript,
} from '../../core/scripts/scripts.service.js';
import { serviceSchema, trainingSchema } from '../../shared/schemas/campaigns.js';
import { DEFAULT_TRAINING } from '../../core/campaigns/starter/index.js';
import { librarySettingsSchema } from '../../shared/schemas/library.js';
import { saveScriptInput, scriptSchema } from '../../shared/schemas/scripts.js';
import type { AppDeps, AppInstance } from '../app.js';
import { ctxOf } from '../auth.js';
import { errorResponses } from '../schemas.js';

const builders = ['admin', 'coordinator'] as const;
const scriptId = z.object({ scriptId: z.coerce.number().int().positive() });
const serviceId = z.object({ serviceId: z.coerce.number().int().positive() });
const problemsSchema = z.object({
  problems: z.array(
    z.object({ stepId: z.string().nullable(), field: z.string().nullable(), message: z.string() }),
  ),
});

/** Call scripts, the services catalogue and the library's own details. */
export function scriptRoutes(app: AppInstance, deps: AppDeps): void {
  app.get(
    '/api/scripts',
    {
      config: { access: builders },
      schema: {
        operationId: 'listScripts',
        tags: ['scripts'],
        summary: 'Call scripts with the current version of each language',
        response: { 200: z.object({ items: z.array(scriptSchema) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listScripts(ctxOf(request, deps)) }),
  );

  app.post(
    '/api/scripts',
    {
      config: { access: builders },
      schema: {
        operationId: 'createScript',
        tags: ['scripts'],
        summary: 'Create a call script (checked: no dead ends, known merge fields and services)',
        body: saveScriptInput,
        response: { 201: scriptSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createScript(ctxOf(request, deps), request.body)),
  );

  app.post(
    '/api/scripts/check',
    {
      config: { access: builders },
      schema: {
        operationId: 'checkScript',
        tags: ['scripts'],
        summary: 'List a script’s problems without saving it',
        body: saveScriptInput,
        response: { 200: problemsSchema, ...errorResponses },
      },
    },
    async (request) => ({ problems: await checkScript(ctxOf(request, deps), request.body) }),
  );

  app.get(
    '/api/scripts/:scriptId',
    {
      config: { access: builders },
      schema: {
        operationId: 'getScript',
        tags: ['scripts'],
        summary: 'One call script',
        params: scriptId,
        response: { 200: scriptSchema, ...errorResponses },
      },
    },
    async (request) => getScript(ctxOf(request, deps), request.params.scriptId),
  );

  app.put(
    '/api/scripts/:scriptId',
    {
      config: { access: builders },
      schema: {
        operationId: 'saveScript',
        tags: ['scripts'],
        summary: 'Save a script: changed languages get a new version; running calls keep theirs',
        params: scriptId,
        body: saveScriptInput,
        response: { 200: scriptSchema, ...errorResponses },
      },
    },
    async (request) => saveScript(ctxOf(request, deps), request.params.scriptId, request.body),
  );

  app.get(
    '/api/services',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'listServices',
        tags: ['services'],
        summary: 'The library’s services catalogue',
        querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(serviceSchema) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listServices(ctxOf(request, deps), {
        includeInactive: request.query.includeInactive === 'true',
      }),
    }),
  );

  app.post(
    '/api/services',
    {
      config: { access: builders },
      schema: {
        operationId: 'createService',
        tags: ['services'],
        summary: 'Add a service to the catalogue',
        body: serviceInput,
        response: { 201: serviceSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createService(ctxOf(request, deps), request.body)),
  );

  app.patch(
    '/api/services/:serviceId',
    {
      config: { access: builders },
      schema: {
        operationId: 'updateService',
        tags: ['services'],
        summary: 'Change a service (or retire it with active: false)',
        params: serviceId,
        body: serviceInput.omit({ key: true }).partial(),
        response: { 200: serviceSchema, ...errorResponses },
      },
    },
    async (request) => updateService(ctxOf(request, deps), request.params.serviceId, request.body),
  );

  app.get(
    '/api/training/starter',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getStarterTraining',
        tags: ['campaigns'],
        summary:
          'The training that ships with the product (talking points, objection FAQ, cold-call tips), by language',
        response: { 200: z.record(z.string(), trainingSchema), ...errorResponses },
      },
    },
    () => Promise.resolve(DEFAULT_TRAINING),
  );

  app.get(
    '/api/library',
    {
      config: { access: 'signed-in' },
      schema: {
        operationId: 'getLibrarySettings',
        tags: ['library'],
        summary: 'The library’s name, callback number, address, contact and time zone',
        response: { 200: librarySettingsSchema, ...errorResponses },
      },
    },
    async () => getLibrarySettings(deps.db),
  );

  app.patch(
    '/api/library',
    {
      config: { access: ['admin'] },
      schema: {
        operationId: 'updateLibrarySettings',
        tags: ['library'],
        summary: 'Change the library’s details',
        body: librarySettingsSchema.partial(),
        response: { 200: librarySettingsSchema, ...errorResponses },
      },
    },
    async (request) => updateLibrarySettings(ctxOf(request, deps), request.body),
  );
}
