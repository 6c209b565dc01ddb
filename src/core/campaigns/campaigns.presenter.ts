import type { CampaignRow } from '../../db/database.js';
import type {
  Audience,
  Campaign,
  CampaignSummary,
  CallingHours,
  PriorityRule,
  Training,
} from '../../shared/schemas/campaigns.js';

/** The one place a campaign row becomes the API's Campaign (or a viewer's summary). */
export function presentCampaign(row: CampaignRow, callListSize: number): Campaign {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    legalAuthority: row.legal_authority,
    contact: row.contact,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    channel: row.channel,
    emailAfterAttempts: row.email_after_attempts,
    maxAttempts: row.max_attempts,
    attemptGapHours: row.attempt_gap_hours,
    callingHours: JSON.parse(row.calling_hours) as CallingHours,
    callerIds: row.caller_ids === null ? null : (JSON.parse(row.caller_ids) as number[]),
    audience: JSON.parse(row.audience) as Audience,
    priorities: JSON.parse(row.priorities) as PriorityRule[],
    scriptId: row.script_id,
    serviceKeys: JSON.parse(row.service_keys) as string[],
    training: JSON.parse(row.training) as Training,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    launchedAt: row.launched_at,
    callListSize,
  };
}

export function summariseCampaign(row: CampaignRow, callListSize: number): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    channel: row.channel,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    callListSize,
  };
}
