import {
  campaignFileSchema,
  type Campaign,
  type CampaignFile,
} from '../../shared/schemas/campaigns.js';
import { recordAudit } from '../audit/audit.service.js';
import { inTransaction, type Ctx } from '../context.js';
import { parseInput } from '../errors.js';
import { assertRole } from '../policy.js';
import { getScript, createScript } from '../scripts/scripts.service.js';
import { createCampaign, getCampaign } from './campaigns.service.js';
import { createService, listServices } from './catalogue.service.js';

/**
 * A campaign as a file another library can import: settings, script, services and training —
 * never patrons, callers or results.
 */
export async function exportCampaign(ctx: Ctx, id: number): Promise<CampaignFile> {
  assertRole(ctx, 'admin', 'coordinator');
  const campaign = await getCampaign(ctx, id);
  const script = campaign.scriptId === null ? null : await getScript(ctx, campaign.scriptId);
  const services = (await listServices(ctx, { includeInactive: true })).filter((s) =>
    campaign.serviceKeys.includes(s.key),
  );
  const {
    id: _id,
    status: _status,
    createdAt: _c,
    updatedAt: _u,
    launchedAt: _l,
    callListSize: _s,
    scriptId: _script,
    callerIds: _callers,
    ...settings
  } = campaign;
  await recordAudit(ctx, { action: 'campaign.export', objectType: 'campaign', objectId: id });
  return {
    format: 'outreach-desk-campaign',
    version: 1,
    campaign: settings,
    script:
      script === null
        ? null
        : {
            name: script.name,
            description: script.description,
            defaultLanguage: script.defaultLanguage,
            versions: script.versions.map(({ language, start, steps }) => ({
              language,
              start,
              steps,
            })),
          },
    services: services.map(({ id: _serviceId, ...service }) => service),
  };
}

/**
 * Creates a draft campaign from a shared file: its services are added to the catalogue when this
 * library has no service with the same key (existing ones are kept as they are), and its script is
 * added as a new script. @throws VALIDATION_FAILED naming what is wrong in the file
 */
export async function importCampaign(ctx: Ctx, raw: unknown): Promise<Campaign> {
  assertRole(ctx, 'admin', 'coordinator');
  const file = parseInput(campaignFileSchema, raw);
  return inTransaction(ctx, async (tx) => {
    const existing = new Set((await listServices(tx, { includeInactive: true })).map((s) => s.key));
    for (const service of file.services) {
      if (!existing.has(service.key)) await createService(tx, service);
    }
    const script = file.script === null ? null : await createScript(tx, file.script);
    const campaign = await createCampaign(tx, {
      ...file.campaign,
      scriptId: script?.id ?? null,
      callerIds: null,
    });
    await recordAudit(tx, {
      action: 'campaign.import',
      objectType: 'campaign',
      objectId: campaign.id,
      details: { name: campaign.name },
    });
    return campaign;
  });
}
