import path from 'node:path';
import { z } from 'zod';

/**
 * The only module that reads process.env. Every setting is validated once at boot;
 * a bad value stops start-up with a message naming the variable.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres(ql)?:\/\/|sqlite:)/, 'must start with postgres://, postgresql:// or sqlite:')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: bool.default(false),
  SESSION_IDLE_MINUTES: positiveInt.default(60),
  SESSION_MAX_HOURS: positiveInt.default(12),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  PG_POOL_MAX: positiveInt.default(10),
  SECRET_KEY: z
    .string()
    .refine(
      (v) => Buffer.from(v, 'base64').length === 32,
      'must be 32 random bytes in base64 (openssl rand -base64 32)',
    )
    .optional(),
  PHONE_DEFAULT_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO country code such as CA')
    .default('CA'),
});

export type DatabaseConfig =
  | { engine: 'sqlite'; file: string; synchronous: 'FULL' | 'NORMAL' }
  | { engine: 'postgres'; url: string; poolMax: number };

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** True when PUBLIC_URL is https: cookies get `Secure` and HSTS is sent. */
  secure: boolean;
  dataDir: string;
  database: DatabaseConfig;
  logLevel: (typeof LOG_LEVELS)[number];
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  phoneDefaultRegion: string;
  /** Seals stored passwords; absent: a key file made in the data directory. */
  secretKey: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `  ${name}=${JSON.stringify(present[name] ?? '')}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    secure: publicUrl.startsWith('https:'),
    dataDir,
    database: databaseConfig(e.DATABASE_URL, dataDir, e.SQLITE_SYNCHRONOUS, e.PG_POOL_MAX),
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    phoneDefaultRegion: e.PHONE_DEFAULT_REGION,
    secretKey: e.SECRET_KEY,
  };
}

function databaseConfig(
  url: string | undefined,
  dataDir: string,
  synchronous: 'FULL' | 'NORMAL',
  poolMax: number,
): DatabaseConfig {
  if (url === undefined) {
    return { engine: 'sqlite', file: path.join(dataDir, 'outreach.db'), synchronous };
  }
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '')
      throw new ConfigError('Invalid configuration:\n  DATABASE_URL: sqlite: needs a file path');
    return { engine: 'sqlite', file: path.resolve(file), synchronous };
  }
  return { engine: 'postgres', url, poolMax };
}
