import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../../tests/helpers/db.js';
import { testClock, testCtx } from '../../../tests/helpers/ctx.js';
import { createPatron, createStaff } from '../../../tests/helpers/factories.js';
import type { Actor, Ctx } from '../context.js';
import type { CreateCampaignInput } from '../../shared/schemas/campaigns.js';
import {
  changeCampaignStatus,
  createCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from './campaigns.service.js';
import { launchCampaign, refreshCallList } from './call-list.service.js';
import { previewAudience } from './audience-preview.service.js';
import { listServices, updateService } from './catalogue.service.js';
import { ensureStarterContent } from './starter-content.js';

let t: TestDatabase;
let ctx: Ctx;
let coordinator: Actor;
const clock = testClock('2026-03-02T15:00:00.000Z');

beforeEach(async () => {
  t = await createTestDb();
  coordinator = await createStaff(t.db, 'coordinator');
  ctx = testCtx(t.db, coordinator, clock);
  await ensureStarterContent(ctx);
});
afterEach(() => t.destroy());

async function starterScriptId(): Promise<number> {
  const script = await t.db
    .selectFrom('scripts')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return script.id;
}

const base = (overrides: Partial<CreateCampaignInput> = {}): CreateCampaignInput => ({
  name: 'Wellness check-in 70+',
  purpose: 'Check in with older patrons while branches are closed',
  legalAuthority: 'Public Libraries Act, R.S.O. 1990, c. P.44; MFIPPA s. 28(2)',
  contact: 'Outreach coordinator, 905-653-7323',
  ...overrides,
});

describe('audience', () => {
  it('counts patrons by age band, leaving out expired, deceased and do-not-call patrons', async () => {
    await createPatron(t.db, { birthDate: '1940-01-01' }); // 86
    await createPatron(t.db, { birthDate: '1953-03-02' }); // turns 73 today
    await createPatron(t.db, { birthDate: '1953-03-03' }); // still 72
    await createPatron(t.db, { birthDate: '1990-01-01' }); // 36
    await createPatron(t.db, { birthDate: '1940-01-01', status: 'expired' });
    await createPatron(t.db, { birthDate: '1940-01-01', deceased: true });
    await createPatron(t.db, { birthDate: '1940-01-01', doNotCall: true });
    await createPatron(t.db, { birthDate: '1940-01-01', phone: null });
    const preview = await previewAudience(ctx, { audience: { minAge: 73 } });
    expect(preview.count).toBe(2);
    const bands = await previewAudience(ctx, { audience: { ageBands: ['70-74'] } });
    expect(bands.count).toBe(2);
    const withExpired = await previewAudience(ctx, {
      audience: { minAge: 80, statuses: ['active', 'expired'] },
    });
    expect(withExpired.count).toBe(2);
  });

  it('filters by branch, language, type, tags, household, phone and e-mail', async () => {
    await createPatron(t.db, {
      branch: 'WOOD',
      language: 'it',
      tags: ['homebound'],
      emails: ['a@example.org'],
    });
    await createPatron(t.db, { branch: 'WOOD', language: 'fr', patronType: 'SENIOR' });
    await createPatron(t.db, { branch: 'MAPL', language: 'it' });
    expect((await previewAudience(ctx, { audience: { branches: ['WOOD'] } })).count).toBe(2);
    expect(
      (await previewAudience(ctx, { audience: { branches: ['WOOD'], languages: ['it'] } })).count,
    ).toBe(1);
    expect((await previewAudience(ctx, { audience: { patronTypes: ['SENIOR'] } })).count).toBe(1);
    expect((await previewAudience(ctx, { audience: { tags: ['homebound'] } })).count).toBe(1);
    expect((await previewAudience(ctx, { audience: { hasEmail: true } })).count).toBe(1);
    expect((await previewAudience(ctx, { audience: {}, channel: 'email' })).count).toBe(1);
  });

  it('orders the sample by priority rules, oldest first within a rule', async () => {
    await createPatron(t.db, { firstName: 'Young', birthDate: '1990-01-01' });
    await createPatron(t.db, { firstName: 'Home', birthDate: '1960-01-01', tags: ['homebound'] });
    await createPatron(t.db, { firstName: 'Eighty', birthDate: '1944-01-01' });
    await createPatron(t.db, { firstName: 'Ninety', birthDate: '1934-01-01' });
    const preview = await previewAudience(ctx, {
      audience: {},
      priorities: [
        { label: '80 and over', when: { minAge: 80 } },
        { label: 'Homebound', when: { tags: ['homebound'] } },
      ],
    });
    expect(preview.sample.map((s) => s.name)).toEqual([
      'Ninety Test',
      'Eighty Test',
      'Home Test',
      'Young Test',
    ]);
    expect(preview.byPriority).toEqual([
      { label: '80 and over', count: 2 },
      { label: 'Homebound', count: 1 },
      { label: 'Everyone else', count: 1 },
    ]);
  });

  it('can leave out patrons reached since a date, in any campaign', async () => {
    const reached = await createPatron(t.db);
    await createPatron(t.db);
    const earlier = await launchCampaign(
      ctx,
      (await createCampaign(ctx, base({ name: 'Earlier', scriptId: await starterScriptId() }))).id,
    );
    await t.db
      .insertInto('attempts')
      .values({
        campaign_id: earlier.id,
        patron_id: reached.id,
        caller_id: coordinator.id,
        channel: 'phone',
        outcome: 'reached',
        contact: 1,
        created_at: '2026-02-20T15:00:00.000Z',
      })
      .execute();
    expect(
      (await previewAudience(ctx, { audience: { notContactedSince: '2026-02-01' } })).count,
    ).toBe(1);
    expect(
      (await previewAudience(ctx, { audience: { notContactedSince: '2026-02-21' } })).count,
    ).toBe(2);
  });

  it('can leave out patrons already on another running campaign', async () => {
    const first = await createPatron(t.db);
    await createPatron(t.db);
    const other = await createCampaign(
      ctx,
      base({ scriptId: await starterScriptId(), audience: {} }),
    );
    await launchCampaign(ctx, other.id);
    expect(
      (await previewAudience(ctx, { audience: { notInOtherActiveCampaign: true } })).count,
    ).toBe(0);
    await t.db.deleteFrom('call_list').where('patron_id', '=', first.id).execute();
    expect(
      (await previewAudience(ctx, { audience: { notInOtherActiveCampaign: true } })).count,
    ).toBe(1);
  });
});

describe('campaign life cycle', () => {
  it('launches a draft into an active campaign with its call list in priority order', async () => {
    await createPatron(t.db, { birthDate: '1930-01-01' });
    await createPatron(t.db, { birthDate: '1980-01-01' });
    const draft = await createCampaign(
      ctx,
      base({
        scriptId: await starterScriptId(),
        priorities: [{ label: '90+', when: { ageBands: ['90+'] } }],
      }),
    );
    expect(draft).toMatchObject({
      status: 'draft',
      callListSize: 0,
      channel: 'phone',
      maxAttempts: 3,
    });
    const launched = await launchCampaign(ctx, draft.id);
    expect(launched).toMatchObject({ status: 'active', callListSize: 2 });
    const list = await t.db
      .selectFrom('call_list')
      .select(['priority', 'state'])
      .orderBy('priority')
      .execute();
    expect(list).toEqual([
      { priority: 0, state: 'waiting' },
      { priority: 1, state: 'waiting' },
    ]);
  });

  it('refuses to launch a phone campaign without a script or with nobody to call', async () => {
    await createPatron(t.db);
    const noScript = await createCampaign(ctx, base());
    await expect(launchCampaign(ctx, noScript.id)).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      details: { field: 'scriptId' },
    });
    const nobody = await createCampaign(
      ctx,
      base({ scriptId: await starterScriptId(), audience: { branches: ['NOWHERE'] } }),
    );
    await expect(launchCampaign(ctx, nobody.id)).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      details: { field: 'audience' },
    });
  });

  it('refreshes a running call list with new patrons and removes nobody', async () => {
    await createPatron(t.db);
    const campaign = await launchCampaign(
      ctx,
      (await createCampaign(ctx, base({ scriptId: await starterScriptId() }))).id,
    );
    await createPatron(t.db);
    await t.db
      .updateTable('patrons')
      .set({ status: 'expired' })
      .where(
        'id',
        '=',
        (await t.db.selectFrom('patrons').select('id').orderBy('id').executeTakeFirstOrThrow()).id,
      )
      .execute();
    const refreshed = await refreshCallList(ctx, campaign.id);
    expect(refreshed.added).toBe(1);
    expect(refreshed.campaign.callListSize).toBe(2);
  });

  it('pauses, resumes and closes, and a closed campaign cannot change', async () => {
    await createPatron(t.db);
    const campaign = await launchCampaign(
      ctx,
      (await createCampaign(ctx, base({ scriptId: await starterScriptId() }))).id,
    );
    expect((await changeCampaignStatus(ctx, campaign.id, 'pause')).status).toBe('paused');
    await expect(changeCampaignStatus(ctx, campaign.id, 'pause')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect((await changeCampaignStatus(ctx, campaign.id, 'resume')).status).toBe('active');
    expect((await changeCampaignStatus(ctx, campaign.id, 'close')).status).toBe('closed');
    await expect(updateCampaign(ctx, campaign.id, { name: 'x' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(changeCampaignStatus(ctx, campaign.id, 'resume')).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('changes only the fields an update sends', async () => {
    const draft = await createCampaign(
      ctx,
      base({
        maxAttempts: 5,
        audience: { minAge: 70 },
        priorities: [{ label: '80+', when: { minAge: 80 } }],
      }),
    );
    const updated = await updateCampaign(ctx, draft.id, { name: 'Renamed' });
    expect(updated).toMatchObject({
      name: 'Renamed',
      maxAttempts: 5,
      audience: { minAge: 70 },
      priorities: [{ label: '80+' }],
    });
  });

  it('changes only the service fields an update sends', async () => {
    const [card] = (await listServices(ctx)).filter((x) => x.key === 'digital-card');
    expect(card).toMatchObject({ raisesTask: true, active: true });
    const updated = await updateService(ctx, card?.id ?? 0, { active: false });
    expect(updated).toEqual({ ...card, active: false });
  });

  it('names an unknown script or service', async () => {
    await expect(createCampaign(ctx, base({ scriptId: 9999 }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'scriptId' },
    });
    await expect(
      createCampaign(ctx, base({ serviceKeys: ['curbside', 'teleportation'] })),
    ).rejects.toMatchObject({ message: 'Unknown services: teleportation' });
  });
});

describe('who sees what', () => {
  it('shows callers only the running campaigns they may work, and viewers only summaries', async () => {
    await createPatron(t.db);
    const caller = await createStaff(t.db, 'caller');
    const otherCaller = await createStaff(t.db, 'caller');
    const viewer = await createStaff(t.db, 'viewer');
    const mine = await launchCampaign(
      ctx,
      (
        await createCampaign(
          ctx,
          base({ name: 'Mine', scriptId: await starterScriptId(), callerIds: [caller.id] }),
        )
      ).id,
    );
    await createCampaign(ctx, base({ name: 'Draft' }));
    expect((await listCampaigns(testCtx(t.db, caller))).map((c) => c.name)).toEqual(['Mine']);
    expect(await listCampaigns(testCtx(t.db, otherCaller))).toEqual([]);
    await expect(getCampaign(testCtx(t.db, otherCaller), mine.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await getCampaign(testCtx(t.db, caller), mine.id)).purpose).toContain('Check in');
    const summaries = await listCampaigns(testCtx(t.db, viewer));
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).not.toHaveProperty('audience');
    await expect(getCampaign(testCtx(t.db, viewer), mine.id)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createCampaign(testCtx(t.db, caller), base())).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
