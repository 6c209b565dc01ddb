import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { FIGURE_KEYS } from '../../shared/schemas/results.js';
import { findCampaign } from '../campaigns/campaigns.repository.js';
import type { Ctx } from '../context.js';
import { computeStats, getCampaignStats, getLibraryStats } from './stats.service.js';

let t: TestDatabase;
let coordinator: Ctx;
let campaignId: number;
const clock = testClock('2026-03-02T15:00:00.000Z');

beforeEach(async () => {
  t = await createTestDb();
  coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator'), clock);
  await createPatron(t.db);
  campaignId = (await launchTestCampaign(coordinator)).id;
});
afterEach(() => t.destroy());

const audits = async () =>
  (await t.db.selectFrom('audit_log').select('action').where('action', '=', 'stats.view').execute())
    .length;

describe('who may read stats', () => {
  it('admins, coordinators and the system get per-staff activity; viewers aggregates; callers nothing', async () => {
    const as = async (role: 'admin' | 'coordinator' | 'caller' | 'viewer') =>
      testCtx(t.db, await createStaff(t.db, role), clock);
    expect((await getCampaignStats(await as('admin'), campaignId, {})).callers).toEqual([]);
    expect((await getLibraryStats(coordinator, {})).callers).toEqual([]);
    expect((await getCampaignStats(testCtx(t.db, null, clock), campaignId, {})).callers).toEqual(
      [],
    );
    const viewer = await as('viewer');
    expect((await getCampaignStats(viewer, campaignId, {})).callers).toBeNull();
    expect((await getLibraryStats(viewer, {})).callers).toBeNull();
    const caller = await as('caller');
    await expect(getCampaignStats(caller, campaignId, {})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(getLibraryStats(caller, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await audits()).toBe(5);
  });

  it('refuses an unknown campaign, a reversed period and a malformed day', async () => {
    await expect(getCampaignStats(coordinator, 424242, {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      getCampaignStats(coordinator, campaignId, { from: '2026-03-05', to: '2026-03-04' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getLibraryStats(coordinator, { from: '2026-3-5' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(getLibraryStats(coordinator, { language: 'FR' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    // A single day is a valid period.
    await expect(
      getCampaignStats(coordinator, campaignId, { from: '2026-03-05', to: '2026-03-05' }),
    ).resolves.toMatchObject({ scope: { from: '2026-03-05', to: '2026-03-05' } });
    expect(await audits()).toBe(1);
  });

  it('computeStats neither checks roles nor audits (for the report and the exports)', async () => {
    const campaign = await findCampaign(t.db, campaignId);
    const stats = await computeStats(coordinator, campaign ?? null, {}, { callers: false });
    expect(Object.keys(stats.figures)).toEqual([...FIGURE_KEYS]);
    expect(stats).toMatchObject({
      scope: { campaignId, generatedAt: '2026-03-02T15:00:00.000Z' },
      figures: { audience: 1, callsMade: 0, reachRate: null },
      callers: null,
    });
    expect(await audits()).toBe(0);
  });
});
