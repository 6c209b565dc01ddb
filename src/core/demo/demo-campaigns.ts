import type { Ctx } from '../context.js';
import type { MailDeps } from '../email/mail-deps.js';
import { FINISHED_CAMPAIGN, loadFinishedCampaign } from './demo-finished.js';
import { loadDemoFollowUps } from './demo-followups.js';
import { playDemoCalls } from './demo-history.js';
import { createCampaign } from '../campaigns/campaigns.service.js';
import { launchCampaign } from '../campaigns/call-list.service.js';
import {
  DEFAULT_TRAINING,
  STARTER_SCRIPTS,
  STARTER_SERVICE_KEYS,
} from '../campaigns/starter/index.js';
import { getLibrarySettings, updateLibrarySettings } from '../library/library.service.js';
import { DEFAULT_LIBRARY_SETTINGS } from '../../shared/schemas/library.js';

async function starterScriptId(ctx: Ctx, index: number): Promise<number | null> {
  const name = STARTER_SCRIPTS[index]?.name;
  if (name === undefined) return null;
  const row = await ctx.db
    .selectFrom('scripts')
    .select('id')
    .where('name', '=', name)
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The demo library's details and campaigns built from the starter scripts: a finished check-in of
 * everyone 85 and over (calls, e-mails, approved quotes, a report narrative; with mail
 * dependencies only), a running wellness check-in of everyone 70 and over (80+ and homebound
 * first), and a draft "what's new" campaign for younger patrons by phone then e-mail. Campaigns
 * that already exist by name are left alone.
 */
export async function loadDemoCampaigns(ctx: Ctx, mail?: MailDeps): Promise<string[]> {
  if ((await getLibrarySettings(ctx.db)).name === DEFAULT_LIBRARY_SETTINGS.name) {
    await updateLibrarySettings(ctx, {
      name: 'Maple Hills Public Library',
      callbackNumber: '905-555-0142',
      address: '10 Library Lane, Vaughan, ON L6A 0A1',
      contactEmail: 'outreach@demo.example.org',
      website: 'https://library.demo.example.org',
    });
  }
  const existing = new Set(
    (await ctx.db.selectFrom('campaigns').select('name').execute()).map((c) => c.name),
  );
  const created: string[] = [];
  const common = {
    legalAuthority:
      'Public Libraries Act, R.S.O. 1990, c. P.44; MFIPPA s. 31 (use for the purpose it was collected: library service)',
    contact: 'Outreach coordinator — outreach@demo.example.org, 905-555-0142',
    serviceKeys: [...STARTER_SERVICE_KEYS],
    training: DEFAULT_TRAINING.en,
  };
  const callers = (
    await ctx.db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'role'])
      .where('role', '=', 'caller')
      .where('email', 'like', '%@demo.example.org')
      .execute()
  ).map((c) => ({ ...c, role: 'caller' as const }));
  if (mail !== undefined && !existing.has(FINISHED_CAMPAIGN)) {
    await loadFinishedCampaign(ctx, mail, callers, common, await starterScriptId(ctx, 0));
    created.push(FINISHED_CAMPAIGN);
  }
  if (!existing.has('Wellness check-in: 70 and over')) {
    const wellness = await createCampaign(ctx, {
      ...common,
      name: 'Wellness check-in: 70 and over',
      purpose:
        'Check in with our older patrons while branches are closed, answer their questions and tell them how to keep using the library from home.',
      audience: { minAge: 70, hasPhone: true },
      priorities: [
        { label: '80 and over', when: { minAge: 80 } },
        { label: 'Homebound', when: { patronTypes: ['HOMEBOUND'] } },
        { label: '70 to 79', when: { minAge: 70, maxAge: 79 } },
      ],
      channel: 'phone_then_email',
      scriptId: await starterScriptId(ctx, 0),
    });
    await launchCampaign(ctx, wellness.id);
    if (callers.length > 0) await playDemoCalls(ctx, wellness.id, callers, 250, 2021);
    const coordinator = await ctx.db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('email', '=', 'coordinator@demo.example.org')
      .executeTakeFirst();
    if (coordinator !== undefined && callers.length > 0)
      await loadDemoFollowUps(ctx, wellness.id, { ...coordinator, role: 'coordinator' }, callers);
    created.push(wellness.name);
  }
  if (!existing.has('What’s new at the library')) {
    const whatsNew = await createCampaign(ctx, {
      ...common,
      name: 'What’s new at the library',
      purpose:
        'Tell avid library users about curbside service, virtual programs, eResources and the digital library card, and hear what they think.',
      audience: { maxAge: 69, minAge: 18, notInOtherActiveCampaign: true },
      channel: 'phone_then_email',
      scriptId: await starterScriptId(ctx, 1),
    });
    created.push(whatsNew.name);
  }
  return created;
}
