import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchTestCampaign } from '../../../tests/helpers/campaigns.js';
import { testClock, testCtx, type TestClock } from '../../../tests/helpers/ctx.js';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import { claimNextPatron } from '../calling/claims.service.js';
import { recordOutcome } from '../calling/outcomes.service.js';
import type { Ctx } from '../context.js';
import { listQuotes, updateQuote } from './quotes.service.js';

let t: TestDatabase;
let clock: TestClock;
let coordinator: Ctx;
let admin: Ctx;
let viewer: Ctx;
let caller: Ctx;

beforeEach(async () => {
  t = await createTestDb();
  clock = testClock('2026-03-02T15:00:00.000Z');
  coordinator = testCtx(t.db, await createStaff(t.db, 'coordinator'), clock);
  admin = testCtx(t.db, await createStaff(t.db, 'admin'), clock);
  viewer = testCtx(t.db, await createStaff(t.db, 'viewer'), clock);
  caller = testCtx(t.db, await createStaff(t.db, 'caller'), clock);
});
afterEach(() => t.destroy());

type Said = {
  text: string;
  consentToPublish: boolean;
  attribution: 'anonymous' | 'first_name' | 'full_name';
};

/** Calls everyone on the campaign through the real claim and outcome code; each says `said[i]`. */
async function callEveryone(campaignId: number, said: Said[]): Promise<void> {
  for (const quote of said) {
    const result = await claimNextPatron(caller, campaignId);
    if (result.status !== 'claimed') throw new Error(JSON.stringify(result));
    await recordOutcome(caller, result.call.claimId, {
      token: result.call.token,
      outcomes: result.call.patrons.map((p) => ({
        patronId: p.patronId,
        outcome: 'reached' as const,
        quote,
      })),
    });
    clock.advance(60_000);
  }
}

async function setUp() {
  await createPatron(t.db, { firstName: 'Maria', lastName: 'Rossi' });
  await createPatron(t.db, { firstName: 'Giovanni', lastName: 'Bianchi' });
  const robert = await createPatron(t.db, { firstName: 'Robert', lastName: 'Tremblay' });
  await t.db
    .updateTable('patrons')
    .set({ preferred_name: 'Bob' })
    .where('id', '=', robert.id)
    .execute();
  const campaign = await launchTestCampaign(coordinator);
  await callEveryone(campaign.id, [
    { text: 'So nice to hear a voice.', consentToPublish: true, attribution: 'anonymous' },
    { text: 'I love the e-books.', consentToPublish: true, attribution: 'first_name' },
    { text: 'Keep it private please.', consentToPublish: false, attribution: 'full_name' },
  ]);
  const quotes = await listQuotes(coordinator);
  const byText = (text: string) => quotes.find((q) => q.text === text)!;
  return {
    campaign,
    quotes,
    anonymous: byText('So nice to hear a voice.'),
    firstName: byText('I love the e-books.'),
    private: byText('Keep it private please.'),
  };
}

describe('the quotes wall', () => {
  it('shows coordinators every quote, newest first, attributed only as the patron allowed', async () => {
    const { campaign, quotes } = await setUp();
    expect(quotes).toHaveLength(3);
    expect(quotes.map((q) => q.createdAt)).toEqual(
      [...quotes.map((q) => q.createdAt)].sort().reverse(),
    );
    for (const q of quotes) {
      expect(q).toMatchObject({ campaignId: campaign.id, campaignName: campaign.name });
      expect(q.status).toBe('pending');
      if (q.attribution === 'anonymous') expect(q.attributedTo).toBe('A patron');
      // The three patrons were called in an order of the queue's choosing: check by name shape.
      if (q.attribution === 'first_name') expect(q.attributedTo).not.toMatch(/ /);
      if (q.attribution === 'full_name') expect(q.attributedTo).toMatch(/^\S+ \S+$/);
    }
    expect(quotes.map((q) => q.attributedTo).join(' ')).not.toMatch(/Rossi|Bianchi/);
    expect(JSON.stringify(quotes)).not.toMatch(/cardNumber|2900300|phone/);
  });

  it('uses the preferred name for a first-name attribution, and first + last for a full one', async () => {
    const robert = await createPatron(t.db, { firstName: 'Robert', lastName: 'Tremblay' });
    await t.db
      .updateTable('patrons')
      .set({ preferred_name: 'Bob' })
      .where('id', '=', robert.id)
      .execute();
    const campaign = await launchTestCampaign(coordinator);
    await callEveryone(campaign.id, [
      { text: 'First.', consentToPublish: true, attribution: 'first_name' },
    ]);
    expect((await listQuotes(coordinator))[0]!.attributedTo).toBe('Bob');
    await t.db.updateTable('quotes').set({ attribution: 'full_name' }).execute();
    expect((await listQuotes(coordinator))[0]!.attributedTo).toBe('Bob Tremblay');
  });

  it('refuses to approve a quote the patron did not agree to publish', async () => {
    const { private: secret, firstName } = await setUp();
    await expect(updateQuote(coordinator, secret.id, { status: 'approved' })).rejects.toMatchObject(
      { code: 'UNPROCESSABLE', message: expect.stringMatching(/did not agree/) as unknown },
    );
    // Hiding it is fine.
    expect(await updateQuote(coordinator, secret.id, { status: 'hidden' })).toMatchObject({
      id: secret.id,
      status: 'hidden',
    });
    expect(await updateQuote(admin, firstName.id, { status: 'approved' })).toMatchObject({
      id: firstName.id,
      status: 'approved',
      consent: true,
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'object_id', 'details'])
      .where('action', '=', 'quote.update')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.object_id, JSON.parse(a.details ?? '{}') as object])).toEqual([
      [String(secret.id), expect.objectContaining({ from: 'pending', to: 'hidden' })],
      [String(firstName.id), expect.objectContaining({ from: 'pending', to: 'approved' })],
    ]);
    await expect(updateQuote(coordinator, 999_999, { status: 'hidden' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('shows viewers approved quotes only, and callers nothing', async () => {
    const { anonymous, firstName, private: secret } = await setUp();
    await updateQuote(coordinator, anonymous.id, { status: 'approved' });
    await updateQuote(coordinator, secret.id, { status: 'hidden' });
    // Even a row approved behind the app's back without consent stays off the viewer's wall.
    await t.db
      .updateTable('quotes')
      .set({ status: 'approved' })
      .where('id', '=', secret.id)
      .execute();
    expect((await listQuotes(viewer)).map((q) => q.id)).toEqual([anonymous.id]);
    expect(await listQuotes(viewer, { status: 'pending' })).toEqual([]);
    expect((await listQuotes(coordinator, { status: 'pending' })).map((q) => q.id)).toEqual([
      firstName.id,
    ]);
    await expect(listQuotes(caller)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(updateQuote(viewer, anonymous.id, { status: 'hidden' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(updateQuote(caller, anonymous.id, { status: 'hidden' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('filters by campaign, and audits every listing with the quotes shown', async () => {
    const { campaign, quotes } = await setUp();
    await createPatron(t.db, { firstName: 'Other' });
    const other = await launchTestCampaign(coordinator, { name: 'Another campaign' });
    await callEveryone(other.id, [
      { text: 'Another one.', consentToPublish: true, attribution: 'anonymous' },
    ]);
    expect(await listQuotes(coordinator, { campaignId: campaign.id })).toHaveLength(3);
    expect(
      (await listQuotes(coordinator, { campaignId: other.id })).map((q) => q.campaignName),
    ).toEqual(['Another campaign']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'quote.list')
      .orderBy('id')
      .execute();
    expect(JSON.parse(audit[0]!.details ?? '{}')).toMatchObject({
      shown: quotes.map((q) => q.id),
    });
    expect(JSON.parse(audit.at(-1)!.details ?? '{}')).toMatchObject({
      filter: { campaignId: other.id },
    });
  });

  it('validates the new status', async () => {
    const { anonymous } = await setUp();
    await expect(
      updateQuote(coordinator, anonymous.id, { status: 'published' as 'approved' }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
