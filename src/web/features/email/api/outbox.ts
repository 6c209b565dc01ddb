import type {
  OutboxCounts,
  OutboxMessage,
  emailEventSchema,
  suppressionSchema,
} from '../../../../shared/schemas/email.js';
import type { CampaignSummary } from '../../../../shared/schemas/campaigns.js';
import type { z } from 'zod';
import { api, apiRequest } from '../../../api/client';

export type Suppression = z.infer<typeof suppressionSchema>;
export type EmailEvent = z.infer<typeof emailEventSchema>;
export interface OutboxFilter {
  campaignId?: number;
  mailingId?: number;
  patronId?: number;
  state?: OutboxMessage['state'];
}

export const OUTBOX_PAGE_SIZE = 50;

export const listOutbox = (filter: OutboxFilter, before: number | undefined, signal: AbortSignal) =>
  api.get<{ items: OutboxMessage[]; counts: OutboxCounts }>(
    '/api/email/outbox',
    { ...filter, before, limit: OUTBOX_PAGE_SIZE },
    signal,
  );
export const cancelEmail = (id: number) =>
  api.post<OutboxMessage>(`/api/email/outbox/${id}/cancel`);
export const listSuppressions = (signal: AbortSignal) =>
  api.get<{ items: Suppression[] }>('/api/email/suppressions', undefined, signal);
/**
 * The server answers 204 with no body, which the client's JSON reading refuses: that refusal is
 * the success.
 */
export const removeSuppression = (address: string) =>
  apiRequest<unknown>('DELETE', `/api/email/suppressions/${encodeURIComponent(address)}`).catch(
    (error: unknown) => {
      if (error instanceof SyntaxError) return null;
      throw error;
    },
  );
export const listEvents = (signal: AbortSignal) =>
  api.get<{ items: EmailEvent[] }>('/api/email/events', undefined, signal);
/** The campaigns, to filter the outbox by. */
export const listCampaigns = (signal: AbortSignal) =>
  api.get<{ items: CampaignSummary[] }>('/api/campaigns', undefined, signal);
