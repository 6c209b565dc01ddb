import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyServerOptions,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { SessionPolicy } from '../core/auth/auth.service.js';
import type { MailDeps } from '../core/email/mail-deps.js';
import type { Db } from '../db/database.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './error-handler.js';
import { authRoutes } from './routes/auth.routes.js';
import { auditRoutes } from './routes/audit.routes.js';
import { callingRoutes } from './routes/calling.routes.js';
import { campaignRoutes } from './routes/campaigns.routes.js';
import { emailRoutes } from './routes/email.routes.js';
import { followUpRoutes } from './routes/followups.routes.js';
import { healthRoutes } from './routes/health.routes.js';
import { scriptRoutes } from './routes/scripts.routes.js';
import { importRoutes } from './routes/imports.routes.js';
import { patronRoutes } from './routes/patrons.routes.js';
import { reportsRoutes } from './routes/reports.routes.js';
import { statsRoutes } from './routes/stats.routes.js';
import { userRoutes } from './routes/users.routes.js';
import { telephonyRoutes } from './routes/telephony.routes.js';
import { readTelephonySettings, webSocketOrigin } from '../core/telephony/settings.service.js';

/** Everything the HTTP app needs, passed in: buildApp never reads the environment and never listens. */
export interface AppDeps {
  db: Db;
  now: () => Date;
  sessions: SessionPolicy;
  /** Cookies get `Secure` and HSTS is sent (PUBLIC_URL is https). */
  secure: boolean;
  publicUrl: string;
  trustProxy: boolean;
  /** Where uploaded files wait while they are imported (private to the server). */
  uploadsDir: string;
  maxUploadBytes: number;
  /** Region for phone numbers written without a country code (PHONE_DEFAULT_REGION). */
  defaultRegion: string;
  /** Sealer, links and worker wake-up for the e-mail use cases. */
  mail: MailDeps;
  /** A call was recorded: the follow-ups job looks for new escalations to notify at once. */
  wakeFollowUps?: () => void;
  /** How often the live progress stream looks for changes (default 3 s). */
  progressIntervalMs?: number;
  /** Built web app to serve; absent or missing folder: API only. */
  webDir?: string | undefined;
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger | undefined;
}

export type AppInstance = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

export async function buildApp(deps: AppDeps): Promise<AppInstance> {
  const loggerOption =
    deps.logger !== undefined && typeof deps.logger === 'object' && 'child' in deps.logger
      ? { loggerInstance: deps.logger }
      : { logger: deps.logger ?? false };
  const app = Fastify({
    ...loggerOption,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: deps.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  // The softphone's WebSocket goes to the library's phone system: the one origin let through.
  let phoneOrigin = webSocketOrigin(await readTelephonySettings(deps.db));
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CSP, connectSrc: ["'self'", () => phoneOrigin ?? "'self'"] },
    },
    hsts: deps.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Outreach Desk API',
        description:
          'Care campaigns for public libraries. Authenticate with signIn; the session cookie does the rest.',
        version: '1',
      },
      servers: [{ url: deps.publicUrl }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    // API answers may carry patron data: never cached anywhere (TRUST SC-10).
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  registerAuth(app, { db: deps.db, now: deps.now, sessions: deps.sessions });
  healthRoutes(app, deps);
  authRoutes(app, deps);
  userRoutes(app, deps);
  auditRoutes(app, deps);
  patronRoutes(app, deps);
  importRoutes(app, deps);
  campaignRoutes(app, deps);
  scriptRoutes(app, deps);
  callingRoutes(app, deps);
  emailRoutes(app, deps);
  statsRoutes(app, deps);
  reportsRoutes(app, deps);
  followUpRoutes(app, deps);
  telephonyRoutes(app, deps, (origin) => {
    phoneOrigin = origin;
  });

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { hide: true } },
    (_request, reply) => reply.send(app.swagger()),
  );

  await registerWebApp(app, deps.webDir);
  return app;
}

/** Serves the built single-page app; unknown non-API paths get index.html so the router can take them. */
async function registerWebApp(app: AppInstance, webDir: string | undefined): Promise<void> {
  const index = webDir === undefined ? undefined : path.join(webDir, 'index.html');
  if (webDir === undefined || index === undefined || !fs.existsSync(index)) {
    app.setNotFoundHandler((request, reply) =>
      errorHandler(Object.assign(new Error('Not found'), { statusCode: 404 }), request, reply),
    );
    return;
  }
  // wildcard: files are looked up per request, so a rebuilt app is served without a restart.
  await app.register(fastifyStatic, { root: webDir, wildcard: true, index: false, maxAge: '1h' });
  // The root is the app itself (the static plugin would take it for a folder).
  app.get('/', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html'),
  );
  app.setNotFoundHandler((request, reply) => {
    if (
      request.method !== 'GET' ||
      request.url.startsWith('/api/') ||
      path.extname(request.url.split('?')[0] ?? '') !== ''
    ) {
      return errorHandler(
        Object.assign(new Error('Not found'), { statusCode: 404 }),
        request,
        reply,
      );
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
