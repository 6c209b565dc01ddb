import type { Ctx } from '../context.js';
import { ensureStarterEmailTemplates } from '../email/templates.service.js';
import { ensureStarterReferralServices } from '../followups/directory.service.js';
import { ensureStarterTeams } from '../followups/teams.service.js';
import { createScript } from '../scripts/scripts.service.js';
import { createService } from './catalogue.service.js';
import { STARTER_SCRIPTS, STARTER_SERVICES } from './starter/index.js';

/**
 * What ships with the product: the six services of the original program, the two starter
 * scripts, the three starter e-mail templates, the community services directory and the
 * information desk team, added once to a library that has none. Runs at start and before CLI commands; never
 * overwrites what a library changed.
 */
export async function ensureStarterContent(ctx: Ctx): Promise<{
  services: number;
  scripts: number;
  emailTemplates: number;
  referralServices: number;
  teams: number;
}> {
  const system = { ...ctx, actor: null };
  const counts = { services: 0, scripts: 0, emailTemplates: 0, referralServices: 0, teams: 0 };
  const anyService = await ctx.db.selectFrom('services').select('id').limit(1).executeTakeFirst();
  if (!anyService) {
    for (const service of STARTER_SERVICES) await createService(system, service);
    counts.services = STARTER_SERVICES.length;
  }
  const anyScript = await ctx.db.selectFrom('scripts').select('id').limit(1).executeTakeFirst();
  if (!anyScript) {
    for (const script of STARTER_SCRIPTS) await createScript(system, script);
    counts.scripts = STARTER_SCRIPTS.length;
  }
  counts.emailTemplates = await ensureStarterEmailTemplates(system);
  counts.referralServices = await ensureStarterReferralServices(system);
  counts.teams = await ensureStarterTeams(system);
  return counts;
}
