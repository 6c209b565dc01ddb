import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import type { Actor, Ctx } from '../context.js';
import type { CallCard, ClaimNextResult } from '../../shared/schemas/calls.js';
import { claimNextPatron, getCurrentCall, releaseClaim, renewClaim } from './claims.service.js';
import { markDoNotCall, recordOutcome, scheduleCallback } from './outcomes.service.js';
import { getScript, saveScript } from '../scripts/scripts.service.js';

let t: TestDatabase;
let clock: TestClock;
let coordinator: Ctx;
let callers: { actor: Actor; ctx: Ctx }[];

beforeEach(async () => {
  t = await createTestDb();
  // A Monday, 15:00 UTC = 10:00 in Toronto, 07:00 in Vancouver.
  clock = testClock('2026-03-02T15:00:00.000Z');
  coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator'), clock);
  callers = [];
  for (let i = 0; i < 3; i += 1) {
    const actor = await createStaff(t.db, 'caller');
    callers.push({ actor, ctx: testCtx(t.db, actor, clock) });
  }
});
afterEach(() => t.destroy());

const caller = (i: number) => callers[i]!.ctx;
function claimed(result: ClaimNextResult): CallCard {
  if (result.status !== 'claimed')
    throw new Error(`expected a claim, got ${JSON.stringify(result)}`);
  return result.call;
}
const reached = (card: CallCard) => ({
  token: card.token,
  outcomes: card.patrons.map((p) => ({ patronId: p.patronId, outcome: 'reached' as const })),
});

describe('claiming the next patron', () => {
  it('never gives one patron or household to two callers, and a whole household to one', async () => {
    const household = await t.db
      .insertInto('households')
      .values({ phone_e164: '+19058322281', created_at: clock.now().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createPatron(t.db, {
      firstName: 'Maria',
      phone: '+19058322281',
      householdId: household.id,
    });
    await createPatron(t.db, {
      firstName: 'Giovanni',
      phone: '+19058322281',
      householdId: household.id,
    });
    await createPatron(t.db, { firstName: 'Ana' });
    const campaign = await launchTestCampaign(coordinator);
    const first = claimed(await claimNextPatron(caller(0), campaign.id));
    const second = claimed(await claimNextPatron(caller(1), campaign.id));
    const names = [first, second]
      .map((c) =>
        c.patrons
          .map((p) => p.firstName)
          .sort()
          .join('+'),
      )
      .sort();
    expect(names).toEqual(['Ana', 'Giovanni+Maria']);
    expect(await claimNextPatron(caller(2), campaign.id)).toEqual({
      status: 'none',
      reason: 'all_held',
      nextDueAt: null,
    });
  });

  it('records a household call as one call: every person’s attempt has the same time', async () => {
    const household = await t.db
      .insertInto('households')
      .values({ phone_e164: '+19058322282', created_at: clock.now().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const firstName of ['Maria', 'Giovanni'])
      await createPatron(t.db, { firstName, phone: '+19058322282', householdId: household.id });
    const campaign = await launchTestCampaign(coordinator);
    // A clock that moves on every reading, as the real one does.
    let tick = Date.parse('2026-03-02T15:00:00.000Z');
    const moving = { ...caller(0), now: () => new Date((tick += 7)) };
    const card = claimed(await claimNextPatron(moving, campaign.id));
    await recordOutcome(moving, card.claimId, reached(card));
    const times = await t.db.selectFrom('attempts').select('created_at').execute();
    expect(times).toHaveLength(2);
    expect(new Set(times.map((r) => r.created_at)).size).toBe(1);
  });

  it('gives a caller back the call they already hold (a reload)', async () => {
    await createPatron(t.db);
    await createPatron(t.db);
    const campaign = await launchTestCampaign(coordinator);
    const card = claimed(await claimNextPatron(caller(0), campaign.id));
    expect(claimed(await claimNextPatron(caller(0), campaign.id)).claimId).toBe(card.claimId);
    expect((await getCurrentCall(caller(0)))?.claimId).toBe(card.claimId);
  });

  it('lets an expired lease go to another caller, and then refuses the first caller’s writes (409)', async () => {
    await createPatron(t.db);
    const campaign = await launchTestCampaign(coordinator);
    const stale = claimed(await claimNextPatron(caller(0), campaign.id));
    clock.advance(4 * 60_000);
    await renewClaim(caller(0), stale.claimId, stale.token);
    clock.advance(6 * 60_000);
    const fresh = claimed(await claimNextPatron(caller(1), campaign.id));
    expect(fresh.patrons[0]!.patronId).toBe(stale.patrons[0]!.patronId);
    await expect(recordOutcome(caller(0), stale.claimId, reached(stale))).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(renewClaim(caller(0), stale.claimId, stale.token)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(recordOutcome(caller(1), fresh.claimId, reached(fresh))).resolves.toMatchObject({
      saved: true,
    });
  });

  it('offers this caller’s due callbacks first, then anyone’s, then by priority, then in their language', async () => {
    await createPatron(t.db, { firstName: 'Young', birthDate: '1990-01-01' });
    await createPatron(t.db, { firstName: 'Old', birthDate: '1935-01-01' });
    await createPatron(t.db, { firstName: 'Fr', birthDate: '1990-01-01', language: 'fr' });
    await t.db
      .updateTable('users')
      .set({ call_languages: '["fr"]' })
      .where('id', '=', callers[0]!.actor.id)
      .execute();
    const campaign = await launchTestCampaign(coordinator, {
      priorities: [{ label: '80+', when: { minAge: 80 } }],
    });
    const first = claimed(await claimNextPatron(caller(0), campaign.id));
    expect(first.patrons[0]!.firstName).toBe('Old');
    const second = claimed(await claimNextPatron(caller(1), campaign.id));
    expect(second.patrons[0]!.firstName).toBe('Young');
    await scheduleCallback(caller(1), second.claimId, {
      token: second.token,
      at: new Date(clock.now().getTime() + 3600_000).toISOString(),
      forMe: true,
    });
    await recordOutcome(caller(0), first.claimId, reached(first));
    const fr = claimed(await claimNextPatron(caller(0), campaign.id));
    expect(fr.patrons[0]!.firstName).toBe('Fr');
    await recordOutcome(caller(0), fr.claimId, reached(fr));
    clock.advance(2 * 3600_000);
    // Caller 0 is not offered caller 1's callback; caller 1 gets it first.
    expect(await claimNextPatron(caller(2), campaign.id)).toMatchObject({ status: 'none' });
    const callback = claimed(await claimNextPatron(caller(1), campaign.id));
    expect(callback).toMatchObject({ isCallback: true, patrons: [{ firstName: 'Young' }] });
  });

  it('only offers patrons inside calling hours in their own time zone, weekdays and weekends', async () => {
    await createPatron(t.db, { firstName: 'Toronto', region: 'ON' });
    await createPatron(t.db, { firstName: 'Vancouver', region: 'BC' });
    const hours = {
      weekdayStart: '09:00',
      weekdayEnd: '21:30',
      weekendStart: '10:00',
      weekendEnd: '18:00',
    };
    const campaign = await launchTestCampaign(coordinator, { callingHours: hours });
    // Monday 10:00 Toronto, 07:00 Vancouver.
    const first = claimed(await claimNextPatron(caller(0), campaign.id));
    expect(first.patrons[0]!.firstName).toBe('Toronto');
    await recordOutcome(caller(0), first.claimId, reached(first));
    expect(await claimNextPatron(caller(1), campaign.id)).toMatchObject({
      status: 'none',
      reason: 'outside_calling_hours',
    });
    clock.set('2026-03-02T17:30:00.000Z'); // 09:30 in Vancouver
    expect(claimed(await claimNextPatron(caller(1), campaign.id)).patrons[0]!.firstName).toBe(
      'Vancouver',
    );
  });

  it('knows weekend hours: Saturday 09:30 is too early, 10:00 is fine', async () => {
    await createPatron(t.db, { region: 'ON' });
    const campaign = await launchTestCampaign(coordinator, {
      callingHours: {
        weekdayStart: '09:00',
        weekdayEnd: '21:30',
        weekendStart: '10:00',
        weekendEnd: '18:00',
      },
    });
    clock.set('2026-03-07T14:30:00.000Z'); // Saturday 09:30 Toronto
    expect(await claimNextPatron(caller(0), campaign.id)).toMatchObject({
      status: 'none',
      reason: 'outside_calling_hours',
    });
    clock.set('2026-03-07T15:00:00.000Z');
    expect((await claimNextPatron(caller(0), campaign.id)).status).toBe('claimed');
  });
});

describe('outcomes', () => {
  it('brings an unanswered patron back after the gap, then marks them for e-mail after the last attempt', async () => {
    await createPatron(t.db, { emails: ['a@example.org'] });
    const campaign = await launchTestCampaign(coordinator, {
      channel: 'phone_then_email',
      maxAttempts: 2,
      emailAfterAttempts: 2,
      attemptGapHours: 24,
    });
    const first = claimed(await claimNextPatron(caller(0), campaign.id));
    await recordOutcome(caller(0), first.claimId, {
      token: first.token,
      outcomes: [{ patronId: first.patrons[0]!.patronId, outcome: 'no_answer' }],
    });
    expect(await claimNextPatron(caller(0), campaign.id)).toMatchObject({
      status: 'none',
      reason: 'nobody_waiting',
    });
    clock.advance(25 * 3600_000);
    const second = claimed(await claimNextPatron(caller(0), campaign.id));
    expect(second.patrons[0]!.attempts).toBe(1);
    await recordOutcome(caller(0), second.claimId, {
      token: second.token,
      outcomes: [{ patronId: second.patrons[0]!.patronId, outcome: 'voicemail' }],
    });
    const row = await t.db.selectFrom('call_list').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'email', attempts: 2, last_outcome: 'voicemail' });
  });

  it('honours do-not-call in every campaign at once', async () => {
    const patron = await createPatron(t.db);
    const a = await launchTestCampaign(coordinator, { name: 'A' });
    const b = await launchTestCampaign(coordinator, { name: 'B' });
    const card = claimed(await claimNextPatron(caller(0), a.id));
    await markDoNotCall(caller(0), patron.id, { claimId: card.claimId, token: card.token });
    await releaseClaim(caller(0), card.claimId, card.token);
    expect((await claimNextPatron(caller(1), b.id)).status).toBe('none');
    expect((await claimNextPatron(caller(1), a.id)).status).toBe('none');
    const patronRow = await t.db
      .selectFrom('patrons')
      .select('do_not_call_at')
      .where('id', '=', patron.id)
      .executeTakeFirstOrThrow();
    expect(patronRow.do_not_call_at).not.toBeNull();
  });

  it('records one outcome per household member with one shared call, and refuses a partial one', async () => {
    const household = await t.db
      .insertInto('households')
      .values({ phone_e164: '+19058322281', created_at: clock.now().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await createPatron(t.db, {
      firstName: 'Maria',
      phone: '+19058322281',
      householdId: household.id,
    });
    await createPatron(t.db, {
      firstName: 'Giovanni',
      phone: '+19058322281',
      householdId: household.id,
    });
    const campaign = await launchTestCampaign(coordinator);
    const card = claimed(await claimNextPatron(caller(0), campaign.id));
    const [maria, giovanni] = card.patrons;
    await expect(
      recordOutcome(caller(0), card.claimId, {
        token: card.token,
        outcomes: [{ patronId: maria!.patronId, outcome: 'reached' }],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await recordOutcome(caller(0), card.claimId, {
      token: card.token,
      outcomes: [
        {
          patronId: maria!.patronId,
          outcome: 'reached',
          servicesToldAbout: ['curbside'],
          note: 'Loves the curbside service',
          quote: {
            text: 'Thank you very much! We miss the library as well.',
            consentToPublish: true,
            attribution: 'first_name',
          },
        },
        {
          patronId: giovanni!.patronId,
          outcome: 'callback',
          concern: { level: 'more_contact', note: 'Lonely since the branch closed' },
        },
      ],
      callbackAt: new Date(clock.now().getTime() + 86_400_000).toISOString(),
      callbackForMe: false,
    });
    const attempts = await t.db
      .selectFrom('attempts')
      .select(['outcome', 'contact', 'services_told', 'concern_level'])
      .orderBy('id')
      .execute();
    expect(attempts).toEqual([
      { outcome: 'reached', contact: 1, services_told: '["curbside"]', concern_level: null },
      { outcome: 'callback', contact: 1, services_told: '[]', concern_level: 'more_contact' },
    ]);
    expect(
      await t.db
        .selectFrom('quotes')
        .select(['text', 'consent', 'attribution', 'status'])
        .execute(),
    ).toEqual([
      {
        text: 'Thank you very much! We miss the library as well.',
        consent: 1,
        attribution: 'first_name',
        status: 'pending',
      },
    ]);
    // The claim is released once saved: the history shows the shareable note to the next caller.
    clock.advance(2 * 86_400_000);
    const again = claimed(await claimNextPatron(caller(1), campaign.id));
    expect(again.patrons.map((p) => p.firstName)).toEqual(['Giovanni']);
    expect(again.history.map((h) => h.note)).toContain('Loves the curbside service');
  });

  it('keeps the script version a call started with when the script is saved during the call', async () => {
    const patron = await createPatron(t.db, { language: 'fr' });
    const campaign = await launchTestCampaign(coordinator);
    const card = claimed(await claimNextPatron(caller(0), campaign.id));
    const started = card.patrons[0]!.scriptVersionId;
    expect(card.patrons[0]!.scriptLanguage).toBe('fr');
    const script = await getScript(coordinator, campaign.scriptId!);
    const versions = script.versions.map(({ language, start, steps }) => ({
      language,
      start,
      steps: steps.map((s) => ({ ...s, title: `${s.title} (v2)` })),
    }));
    await saveScript(coordinator, script.id, {
      name: script.name,
      description: script.description,
      defaultLanguage: script.defaultLanguage,
      versions,
    });
    expect((await getCurrentCall(caller(0)))?.patrons[0]!.scriptVersionId).toBe(started);
    await recordOutcome(caller(0), card.claimId, reached(card));
    const attempt = await t.db
      .selectFrom('attempts')
      .select('script_version_id')
      .where('patron_id', '=', patron.id)
      .executeTakeFirstOrThrow();
    expect(attempt.script_version_id).toBe(started);
  });

  it('removes a deceased patron from every campaign, with care', async () => {
    const patron = await createPatron(t.db);
    const a = await launchTestCampaign(coordinator, { name: 'A' });
    await launchTestCampaign(coordinator, { name: 'B' });
    const card = claimed(await claimNextPatron(caller(0), a.id));
    await recordOutcome(caller(0), card.claimId, {
      token: card.token,
      outcomes: [{ patronId: patron.id, outcome: 'deceased' }],
    });
    const rows = await t.db.selectFrom('call_list').select(['state', 'last_outcome']).execute();
    expect(rows).toEqual([
      { state: 'done', last_outcome: 'deceased' },
      { state: 'done', last_outcome: 'deceased' },
    ]);
  });
});
