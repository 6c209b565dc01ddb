import type { Ctx } from '../../src/core/context.js';
import { createCampaign } from '../../src/core/campaigns/campaigns.service.js';
import { launchCampaign } from '../../src/core/campaigns/call-list.service.js';
import { ensureStarterContent } from '../../src/core/campaigns/starter-content.js';
import type { Campaign, CreateCampaignInput } from '../../src/shared/schemas/campaigns.js';

/** A launched phone campaign over every active patron, with the starter wellness script. */
export async function launchTestCampaign(
  ctx: Ctx,
  overrides: Partial<CreateCampaignInput> = {},
): Promise<Campaign> {
  await ensureStarterContent(ctx);
  const script = await ctx.db
    .selectFrom('scripts')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const draft = await createCampaign(ctx, {
    name: 'Test campaign',
    purpose: 'Check in',
    legalAuthority: 'Public Libraries Act',
    contact: 'Outreach desk',
    scriptId: script.id,
    // Always open unless a test says otherwise.
    callingHours: {
      weekdayStart: '00:00',
      weekdayEnd: '23:59',
      weekendStart: '00:00',
      weekendEnd: '23:59',
    },
    ...overrides,
  });
  return launchCampaign(ctx, draft.id);
}
