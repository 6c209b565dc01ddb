import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import type { TestClock } from '../../../tests/helpers/ctx.js';
import { testCtx } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { buildTestApp, signInCookie } from '../../../tests/helpers/http.js';
import { claimNextPatron } from '../../core/calling/claims.service.js';
import { recordOutcome } from '../../core/calling/outcomes.service.js';
import type { Actor } from '../../core/context.js';
import type { Role } from '../../shared/roles.js';
import type { Stats } from '../../shared/schemas/results.js';
import type { AppInstance } from '../app.js';

let t: TestDatabase;
let app: AppInstance;
const cookies = {} as Record<Role, string>;
const staff = {} as Record<Role, Actor>;
let campaignId: number;

/** The app runs on the real clock: so do the calls recorded here. */
const realClock: TestClock = { now: () => new Date(), set() {}, advance() {} };

beforeEach(async () => {
  t = await createTestDb();
  app = await buildTestApp(t.db);
  for (const role of ['admin', 'coordinator', 'caller', 'viewer'] as const) {
    staff[role] = await createStaff(t.db, role);
    cookies[role] = await signInCookie(app, staff[role].email);
  }
  await createPatron(t.db, { firstName: 'Maria', lastName: 'Rossi' });
  campaignId = (await launchTestCampaign(testCtx(t.db, staff.coordinator, realClock))).id;
  const callerCtx = testCtx(t.db, staff.caller, realClock);
  const claimed = await claimNextPatron(callerCtx, campaignId);
  if (claimed.status !== 'claimed') throw new Error('nobody to call');
  await recordOutcome(callerCtx, claimed.call.claimId, {
    token: claimed.call.token,
    outcomes: [
      {
        patronId: claimed.call.patrons[0]!.patronId,
        outcome: 'reached',
        servicesToldAbout: ['curbside'],
      },
    ],
  });
});
afterEach(async () => {
  await app.close();
  await t.destroy();
});

const get = (who: Role | null, url: string) =>
  app.inject({ method: 'GET', url, headers: who === null ? {} : { cookie: cookies[who] } });

describe('stats over HTTP', () => {
  it('gives coordinators and admins the figures with per-staff activity', async () => {
    const response = await get('coordinator', `/api/campaigns/${campaignId}/stats`);
    expect(response.statusCode).toBe(200);
    const stats = response.json<Stats>();
    expect(stats.scope).toMatchObject({
      campaignId,
      campaignName: 'Test campaign',
      from: null,
      to: null,
      timeZone: 'America/Toronto',
    });
    expect(stats.figures).toMatchObject({
      audience: 1,
      callsMade: 1,
      patronsCalled: 1,
      reached: 1,
      patronsReachedByPhone: 1,
      reachRate: 1,
    });
    expect(stats.callers).toEqual([
      {
        callerId: staff.caller.id,
        name: staff.caller.name,
        calls: 1,
        patronsReached: 1,
        emailsSent: 0,
      },
    ]);
    expect(stats.daily).toHaveLength(1);
    const library = await get('admin', '/api/stats');
    expect(library.statusCode).toBe(200);
    expect(library.json<Stats>()).toMatchObject({
      scope: { campaignId: null, campaignName: null },
      figures: { callsMade: 1, audience: 1 },
      callers: [{ callerId: staff.caller.id }],
    });
  });

  it('gives viewers aggregates only, refuses callers and strangers', async () => {
    const viewer = await get('viewer', `/api/campaigns/${campaignId}/stats`);
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json<Stats>()).toMatchObject({ figures: { callsMade: 1 }, callers: null });
    expect((await get('viewer', '/api/stats')).json<Stats>().callers).toBeNull();

    for (const url of [`/api/campaigns/${campaignId}/stats`, '/api/stats']) {
      const caller = await get('caller', url);
      expect(caller.statusCode).toBe(403);
      expect(caller.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await get(null, url)).statusCode).toBe(401);
    }
  });

  it('takes days and a language, and checks them', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const later = await get(
      'coordinator',
      `/api/campaigns/${campaignId}/stats?from=2099-01-01&to=2099-01-03&language=fr`,
    );
    expect(later.statusCode).toBe(200);
    const stats = later.json<Stats>();
    expect(stats.scope).toMatchObject({ from: '2099-01-01', to: '2099-01-03' });
    expect(stats.figures).toMatchObject({ callsMade: 0, reachRate: null, audience: 1 });
    expect(stats.daily.map((d) => d.date)).toEqual(['2099-01-01', '2099-01-02', '2099-01-03']);
    expect(stats.services).toEqual([]);

    const all = await get('coordinator', `/api/stats?language=fr&to=${today}`);
    expect(all.json<Stats>().services).toEqual([
      { key: 'curbside', name: 'Cueillette à la porte', toldAbout: 1, wanted: 0 },
    ]);

    const reversed = await get('coordinator', '/api/stats?from=2026-03-10&to=2026-03-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    for (const query of ['from=yesterday', 'to=2026-02-30', 'language=french']) {
      const bad = await get('coordinator', `/api/campaigns/${campaignId}/stats?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json(), query).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('answers 404 for an unknown campaign', async () => {
    const response = await get('coordinator', '/api/campaigns/999999/stats');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('records each read in the audit log, with the scope and no patron names', async () => {
    await get('viewer', `/api/campaigns/${campaignId}/stats?from=2026-03-01`);
    await get('coordinator', '/api/stats');
    const events = await t.db
      .selectFrom('audit_log')
      .select(['actor_id', 'object_type', 'object_id', 'details'])
      .where('action', '=', 'stats.view')
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      {
        actor_id: staff.viewer.id,
        object_type: 'campaign',
        object_id: String(campaignId),
        details: JSON.stringify({ scope: 'campaign', from: '2026-03-01', to: null }),
      },
      {
        actor_id: staff.coordinator.id,
        object_type: 'library',
        object_id: null,
        details: JSON.stringify({ scope: 'library', from: null, to: null }),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('Maria');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await get(null, '/api/openapi.json')).json<{
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>();
    expect(doc.paths['/api/campaigns/{campaignId}/stats']?.get?.operationId).toBe(
      'getCampaignStats',
    );
    expect(doc.paths['/api/stats']?.get?.operationId).toBe('getLibraryStats');
  });
});
