import type {
  AudiencePreview,
  Campaign,
  CampaignFile,
  CampaignSummary,
  CreateCampaignInput,
  PriorityRule,
  Audience,
  Training,
  UpdateCampaignInput,
} from '../../../../shared/schemas/campaigns.js';
import type { SaveScriptInput, Script } from '../../../../shared/schemas/scripts.js';
import type { User } from '../../../../shared/schemas/users.js';
import { api } from '../../../api/client';

export type StatusAction = 'pause' | 'resume' | 'close';

export interface ScriptProblem {
  stepId: string | null;
  field: string | null;
  message: string;
}

export interface PreviewInput {
  audience: Audience;
  priorities: PriorityRule[];
  channel: Campaign['channel'];
  campaignId?: number;
}

export const listCampaigns = (signal: AbortSignal) =>
  api.get<{ items: CampaignSummary[] }>('/api/campaigns', undefined, signal);
export const getCampaign = (id: number, signal: AbortSignal) =>
  api.get<Campaign>(`/api/campaigns/${id}`, undefined, signal);
export const createCampaign = (input: CreateCampaignInput) =>
  api.post<Campaign>('/api/campaigns', input);
export const updateCampaign = (id: number, input: UpdateCampaignInput) =>
  api.patch<Campaign>(`/api/campaigns/${id}`, input);
export const previewAudience = (input: PreviewInput) =>
  api.post<AudiencePreview>('/api/campaigns/preview-audience', input);
export const launchCampaign = (id: number) => api.post<Campaign>(`/api/campaigns/${id}/launch`);
export const changeStatus = (id: number, action: StatusAction) =>
  api.post<Campaign>(`/api/campaigns/${id}/${action}`);
export const refreshCallList = (id: number) =>
  api.post<{ added: number; campaign: Campaign }>(`/api/campaigns/${id}/refresh`);
export const importCampaign = (file: CampaignFile) =>
  api.post<Campaign>('/api/campaigns/import', file);
export const exportUrl = (id: number) => `/api/campaigns/${id}/export`;
/** The starter talking points, FAQ and tips, in each language the library ships. */
export const getStarterTraining = (signal: AbortSignal) =>
  api.get<Partial<Record<string, Training>>>('/api/training/starter', undefined, signal);

export const listScripts = (signal: AbortSignal) =>
  api.get<{ items: Script[] }>('/api/scripts', undefined, signal);
export const getScript = (id: number, signal: AbortSignal) =>
  api.get<Script>(`/api/scripts/${id}`, undefined, signal);
/** A campaign's script, readable by everyone who may open the campaign (its callers too). */
export const getCampaignScript = (campaignId: number, signal: AbortSignal) =>
  api.get<{ script: Script | null }>(`/api/campaigns/${campaignId}/script`, undefined, signal);
export const createScript = (input: SaveScriptInput) => api.post<Script>('/api/scripts', input);
export const saveScript = (id: number, input: SaveScriptInput) =>
  api.put<Script>(`/api/scripts/${id}`, input);
export const checkScript = (input: SaveScriptInput) =>
  api.post<{ problems: ScriptProblem[] }>('/api/scripts/check', input);

export const listCallers = (signal: AbortSignal) =>
  api.get<{ items: User[]; total: number }>('/api/users', { role: 'caller', limit: 200 }, signal);
