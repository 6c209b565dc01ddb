import type {
  CallCard,
  CampaignProgress,
  ClaimNextResult,
  RecordOutcomeInput,
} from '../../../../shared/schemas/calls.js';
import type { Campaign, CampaignSummary } from '../../../../shared/schemas/campaigns.js';
import type { Team } from '../../../../shared/schemas/followups.js';
import type { User } from '../../../../shared/schemas/users.js';
import { api } from '../../../api/client';

export function listCampaigns(signal: AbortSignal) {
  return api.get<{ items: CampaignSummary[] }>('/api/campaigns', undefined, signal);
}

export function getCampaign(campaignId: number, signal: AbortSignal) {
  return api.get<Campaign>(`/api/campaigns/${campaignId}`, undefined, signal);
}

export function claimNext(campaignId: number) {
  return api.post<ClaimNextResult>(`/api/campaigns/${campaignId}/claims`);
}

export function getCurrentCall(signal: AbortSignal) {
  return api.get<{ call: CallCard | null }>('/api/claims/current', undefined, signal);
}

export function renewClaim(call: CallCard) {
  return api.post<{ expiresAt: string }>(`/api/claims/${call.claimId}/renew`, {
    token: call.token,
  });
}

export function releaseClaim(call: CallCard) {
  return api.post<unknown>(`/api/claims/${call.claimId}/release`, { token: call.token });
}

export function recordOutcome(claimId: number, input: RecordOutcomeInput) {
  return api.post<{ saved: true }>(`/api/claims/${claimId}/outcome`, input);
}

export function getProgress(campaignId: number, signal?: AbortSignal) {
  return api.get<CampaignProgress>(`/api/campaigns/${campaignId}/progress`, undefined, signal);
}

export function progressStreamUrl(campaignId: number): string {
  return `/api/campaigns/${campaignId}/progress/stream`;
}

export function forceRelease(claimId: number) {
  return api.post<unknown>(`/api/claims/${claimId}/force-release`);
}

export function reassignCallback(callListId: number, callerId: number | null) {
  return api.post<unknown>(`/api/call-list/${callListId}/callback`, { callerId });
}

export function listCallers(signal: AbortSignal) {
  return api.get<{ items: User[] }>('/api/users', { role: 'caller', limit: 100 }, signal);
}

/** Teams that can take an information request instead of the caller. */
export function listTeams(signal: AbortSignal) {
  return api.get<Team[]>('/api/teams', undefined, signal);
}
