import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { claimNextPatron } from '../calling/claims.service.js';
import { recordOutcome } from '../calling/outcomes.service.js';
import type { Ctx } from '../context.js';
import { updateLibrarySettings } from '../library/library.service.js';
import { listQuotes, updateQuote } from './quotes.service.js';
import { getImpactReport, updateReportNarrative } from './report.service.js';
import { getCampaignStats, getLibraryStats } from './stats.service.js';

let t: TestDatabase;
let clock: TestClock;
let coordinator: Ctx;
let viewer: Ctx;
let caller: Ctx;

beforeEach(async () => {
  t = await createTestDb();
  clock = testClock('2026-03-02T15:00:00.000Z');
  coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator'), clock);
  viewer = testCtx(t.db, await createStaff(t.db, 'viewer'), clock);
  caller = testCtx(t.db, await createStaff(t.db, 'caller'), clock);
  await updateLibrarySettings(testCtx(t.db, null, clock), {
    name: 'Maple Public Library',
    website: 'https://maple.example.org',
    address: '1 Main St, Maple ON',
  });
});
afterEach(() => t.destroy());

/** A campaign where each of `count` patrons is reached and says a quote; one a day. */
async function campaignWithQuotes(count: number, consent = true) {
  for (let i = 0; i < count; i += 1) await createPatron(t.db, { firstName: `Quoted${i}` });
  const campaign = await launchTestCampaign(coordinator, { name: `Campaign of ${count}` });
  for (let i = 0; i < count; i += 1) {
    const result = await claimNextPatron(caller, campaign.id);
    if (result.status !== 'claimed') throw new Error(JSON.stringify(result));
    await recordOutcome(caller, result.call.claimId, {
      token: result.call.token,
      outcomes: result.call.patrons.map((p) => ({
        patronId: p.patronId,
        outcome: 'reached' as const,
        quote: { text: `Quote ${i}`, consentToPublish: consent, attribution: 'first_name' },
      })),
    });
    clock.advance(24 * 3600_000);
  }
  return campaign;
}

async function approveAll(campaignId: number) {
  for (const q of await listQuotes(coordinator, { campaignId }))
    if (q.consent) await updateQuote(coordinator, q.id, { status: 'approved' });
}

describe('the impact report', () => {
  it('carries the library, the campaign’s figures, four approved quotes newest first, and the narrative', async () => {
    const campaign = await campaignWithQuotes(6);
    await approveAll(campaign.id);
    const pending = (await listQuotes(coordinator, { campaignId: campaign.id }))[0]!;
    await updateQuote(coordinator, pending.id, { status: 'pending' });
    const saved = await updateReportNarrative(coordinator, {
      campaignId: campaign.id,
      narrative: '  Our volunteers reached most of the seniors on our list.  ',
    });
    expect(saved).toEqual({
      campaignId: campaign.id,
      narrative: 'Our volunteers reached most of the seniors on our list.',
      updatedAt: clock.now().toISOString(),
    });

    const report = await getImpactReport(viewer, { campaignId: campaign.id });
    expect(report.library).toEqual({
      name: 'Maple Public Library',
      website: 'https://maple.example.org',
      address: '1 Main St, Maple ON',
    });
    expect(report.narrative).toBe('Our volunteers reached most of the seniors on our list.');
    expect(report.narrativeUpdatedAt).toBe(saved.updatedAt);
    // The newest was set back to pending: the next four, newest first.
    expect(report.quotes.map((q) => q.text)).toEqual(['Quote 4', 'Quote 3', 'Quote 2', 'Quote 1']);
    expect(report.quotes.every((q) => q.status === 'approved' && q.consent)).toBe(true);
    expect(report.quotes[0]!.attributedTo).toBe('Quoted4');
    const stats = await getCampaignStats(viewer, campaign.id, {});
    expect(report.stats.figures).toEqual(stats.figures);
    expect(report.stats.services).toEqual(stats.services);
    expect(report.stats.scope).toMatchObject({
      campaignId: campaign.id,
      campaignName: campaign.name,
    });
    // Viewers get aggregates only.
    expect(report.stats.callers).toBeNull();
    expect(
      (await getImpactReport(coordinator, { campaignId: campaign.id })).stats.callers,
    ).not.toBeNull();
  });

  it('keeps a library-wide narrative apart from each campaign’s, and changes it in place', async () => {
    const campaign = await campaignWithQuotes(1);
    await updateReportNarrative(coordinator, { campaignId: null, narrative: 'A year of calls.' });
    clock.advance(60_000);
    await updateReportNarrative(coordinator, { campaignId: null, narrative: 'A year of care.' });
    const library = await getImpactReport(viewer);
    expect(library).toMatchObject({
      narrative: 'A year of care.',
      narrativeUpdatedAt: clock.now().toISOString(),
    });
    expect(library.stats.scope.campaignId).toBeNull();
    expect(library.stats.figures).toEqual((await getLibraryStats(viewer, {})).figures);
    expect(await getImpactReport(viewer, { campaignId: campaign.id })).toMatchObject({
      narrative: '',
      narrativeUpdatedAt: null,
    });
    expect(await t.db.selectFrom('report_narratives').select('scope_key').execute()).toEqual([
      { scope_key: 'library' },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'object_type'])
      .where('action', 'like', 'report.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'report.update_narrative',
      'report.update_narrative',
      'report.view',
      'report.view',
    ]);
  });

  it('takes only quotes of the campaign and of the days asked for, and never unconsented ones', async () => {
    const first = await campaignWithQuotes(3);
    await approveAll(first.id);
    const other = await campaignWithQuotes(1);
    await approveAll(other.id);
    // Quotes 0, 1, 2 of the first campaign were said on March 2, 3 and 4 (Toronto).
    const report = await getImpactReport(viewer, {
      campaignId: first.id,
      from: '2026-03-03',
      to: '2026-03-03',
    });
    expect(report.quotes.map((q) => q.text)).toEqual(['Quote 1']);
    expect(report.stats.scope).toMatchObject({ from: '2026-03-03', to: '2026-03-03' });
    const all = await getImpactReport(viewer);
    expect(all.quotes.map((q) => q.campaignName)).toEqual([
      other.name,
      first.name,
      first.name,
      first.name,
    ]);
    // Approved behind the app's back without consent: still never on the report.
    await t.db
      .updateTable('quotes')
      .set({ consent: 0 })
      .where('campaign_id', '=', other.id)
      .execute();
    expect((await getImpactReport(viewer)).quotes.map((q) => q.campaignName)).not.toContain(
      other.name,
    );
  });

  it('is readable by viewers, written by coordinators and admins only, and says what is wrong', async () => {
    const campaign = await campaignWithQuotes(1);
    await expect(getImpactReport(caller)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateReportNarrative(viewer, { campaignId: null, narrative: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateReportNarrative(caller, { campaignId: campaign.id, narrative: 'x' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      updateReportNarrative(coordinator, { campaignId: 999_999, narrative: 'x' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      updateReportNarrative(coordinator, { campaignId: null, narrative: 'x'.repeat(3001) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(getImpactReport(viewer, { campaignId: 999_999 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      getImpactReport(viewer, { from: '2026-03-05', to: '2026-03-01' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
