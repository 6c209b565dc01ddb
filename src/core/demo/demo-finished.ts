import type { Actor, Ctx } from '../context.js';
import { launchCampaign } from '../campaigns/call-list.service.js';
import { changeCampaignStatus, createCampaign } from '../campaigns/campaigns.service.js';
import type { MailDeps } from '../email/mail-deps.js';
import { getCampaignEmailAudience, sendCampaignEmails } from '../email/mailings.service.js';
import { updateMailSettings } from '../email/settings.service.js';
import { MailWorker } from '../email/worker.js';
import { listQuotes, updateQuote } from '../results/quotes.service.js';
import { updateReportNarrative } from '../results/report.service.js';
import type { CreateCampaignInput } from '../../shared/schemas/campaigns.js';
import { playDemoCalls } from './demo-history.js';

export const FINISHED_CAMPAIGN = 'Spring check-in: 85 and over';

const NARRATIVE =
  'Over two weeks, five staff working from home called our oldest members to check in, answer ' +
  'their questions and show them how to keep using the library from home. Those we could not ' +
  'reach by phone got a friendly e-mail with the same information.';

/**
 * A campaign that ran to its end about six weeks ago, through the real code: calls over two weeks
 * (several attempts, then e-mail for those not reached), the "sorry we missed you" e-mails sent by
 * the real worker into the log mailer's files, quotes approved, a narrative written, closed — so
 * the results pages and the impact report have a whole story to show.
 */
export async function loadFinishedCampaign(
  ctx: Ctx,
  mail: MailDeps,
  callers: Actor[],
  common: Pick<CreateCampaignInput, 'legalAuthority' | 'contact' | 'serviceKeys' | 'training'>,
  scriptId: number | null,
): Promise<void> {
  const start = new Date(ctx.now().getTime() - 45 * 86_400_000);
  const end = new Date(start.getTime() + 15 * 86_400_000);
  const at = (when: Date): Ctx => ({ ...ctx, now: () => when });
  const campaign = await createCampaign(at(start), {
    ...common,
    name: FINISHED_CAMPAIGN,
    purpose:
      'Check in with our members aged 85 and over, answer their questions and tell them about home delivery, large print and the library by phone.',
    audience: { minAge: 85, hasPhone: true },
    channel: 'phone_then_email',
    emailAfterAttempts: 2,
    maxAttempts: 2,
    scriptId,
  });
  await launchCampaign(at(start), campaign.id);
  if (callers.length > 0) await playDemoCalls(at(end), campaign.id, callers, 600, 1985);

  // The library counts active cardholders as consenting to its news (the demo's policy).
  await updateMailSettings(ctx, mail, { impliedConsentForActive: true });
  const template = await ctx.db
    .selectFrom('email_templates')
    .select('id')
    .where('starter_key', '=', 'sorry-we-missed-you')
    .executeTakeFirst();
  if (template) {
    const audience = await getCampaignEmailAudience(at(end), mail, campaign.id, template.id);
    if (audience.eligible > 0) {
      await sendCampaignEmails(at(end), mail, campaign.id, { templateId: template.id });
      const worker = new MailWorker({ db: ctx.db, now: () => end, log: ctx.log, mail });
      while ((await worker.runOnce()).claimed > 0);
    }
  }

  const consented = (await listQuotes(ctx, { campaignId: campaign.id })).filter((q) => q.consent);
  for (const quote of consented.slice(0, 4))
    await updateQuote(ctx, quote.id, { status: 'approved' });
  await updateReportNarrative(ctx, { campaignId: campaign.id, narrative: NARRATIVE });
  await changeCampaignStatus(at(end), campaign.id, 'close');
}
