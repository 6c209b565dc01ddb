import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('starts on an embedded SQLite file under ./data with safe defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.secure).toBe(false);
    expect(config.database).toEqual({
      engine: 'sqlite',
      file: path.resolve('data', 'outreach.db'),
      synchronous: 'FULL',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is a postgres URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db.example.org/outreach',
      PG_POOL_MAX: '4',
    });
    expect(config.database).toEqual({
      engine: 'postgres',
      url: 'postgres://u@db.example.org/outreach',
      poolMax: 4,
    });
  });

  it('marks an https PUBLIC_URL as secure and trims its trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://outreach.library.example.org/' });
    expect(config.publicUrl).toBe('https://outreach.library.example.org');
    expect(config.secure).toBe(true);
  });

  it('names every bad variable and its value', () => {
    const attempt = () =>
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PHONE_DEFAULT_REGION: 'canada' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty"/);
    expect(attempt).toThrow(/DATABASE_URL="mysql:\/\/x": must start with postgres/);
    expect(attempt).toThrow(/PHONE_DEFAULT_REGION="canada"/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).port).toBe(3000);
  });
});
