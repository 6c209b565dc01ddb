import type { CampaignRow, CampaignsTable, Db } from '../../db/database.js';
import type { Insertable, Updateable } from 'kysely';
import type { campaignSettingsSchema } from '../../shared/schemas/campaigns.js';
import type { z } from 'zod';

type Settings = z.output<typeof campaignSettingsSchema>;

export function findCampaign(db: Db, id: number): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Call list sizes of the given campaigns. */
export async function callListSizes(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('call_list')
    .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaign_id', 'in', ids)
    .groupBy('campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, r.n]));
}

/** Settings as columns (JSON where structured). */
export function settingsColumns(s: Partial<Settings>): Updateable<CampaignsTable> {
  const json = (v: unknown) => JSON.stringify(v);
  const columns: Updateable<CampaignsTable> = {};
  if (s.name !== undefined) columns.name = s.name;
  if (s.purpose !== undefined) columns.purpose = s.purpose;
  if (s.legalAuthority !== undefined) columns.legal_authority = s.legalAuthority;
  if (s.contact !== undefined) columns.contact = s.contact;
  if (s.startsOn !== undefined) columns.starts_on = s.startsOn;
  if (s.endsOn !== undefined) columns.ends_on = s.endsOn;
  if (s.channel !== undefined) columns.channel = s.channel;
  if (s.emailAfterAttempts !== undefined) columns.email_after_attempts = s.emailAfterAttempts;
  if (s.maxAttempts !== undefined) columns.max_attempts = s.maxAttempts;
  if (s.attemptGapHours !== undefined) columns.attempt_gap_hours = s.attemptGapHours;
  if (s.callingHours !== undefined) columns.calling_hours = json(s.callingHours);
  if (s.callerIds !== undefined)
    columns.caller_ids = s.callerIds === null ? null : json(s.callerIds);
  if (s.audience !== undefined) columns.audience = json(s.audience);
  if (s.priorities !== undefined) columns.priorities = json(s.priorities);
  if (s.scriptId !== undefined) columns.script_id = s.scriptId;
  if (s.serviceKeys !== undefined) columns.service_keys = json(s.serviceKeys);
  if (s.training !== undefined) columns.training = json(s.training);
  return columns;
}

export async function insertCampaign(
  db: Db,
  s: Settings,
  meta: { createdBy: number | null; now: string },
): Promise<CampaignRow> {
  const values = {
    ...settingsColumns(s),
    status: 'draft',
    created_by: meta.createdBy,
    created_at: meta.now,
    updated_at: meta.now,
  } as Insertable<CampaignsTable>;
  return db.insertInto('campaigns').values(values).returningAll().executeTakeFirstOrThrow();
}
