import type { CampaignSummary } from '../../../../shared/schemas/campaigns.js';
import type {
  ExportResultFormat,
  ImpactReport,
  Quote,
  ReportNarrative,
  Stats,
  UpdateReportNarrativeInput,
} from '../../../../shared/schemas/results.js';
import { api, urlOf } from '../../../api/client';

/** Calendar days in the library's time zone, both included; either may be open. */
export interface Period {
  from?: string | undefined;
  to?: string | undefined;
}

export type QuoteStatus = Quote['status'];

export const getCampaignStats = (
  campaignId: number,
  period: Period,
  language: string,
  signal: AbortSignal,
) => api.get<Stats>(`/api/campaigns/${campaignId}/stats`, { ...period, language }, signal);

export const getLibraryStats = (period: Period, language: string, signal: AbortSignal) =>
  api.get<Stats>('/api/stats', { ...period, language }, signal);

export const getImpactReport = (
  campaignId: number | null,
  period: Period,
  language: string,
  signal: AbortSignal,
) =>
  api.get<ImpactReport>(
    '/api/reports/impact',
    { campaignId: campaignId ?? undefined, ...period, language },
    signal,
  );

export const saveNarrative = (input: UpdateReportNarrativeInput) =>
  api.put<ReportNarrative>('/api/reports/impact/narrative', input);

export const listQuotes = async (campaignId: number | undefined, signal: AbortSignal) =>
  (await api.get<{ items: Quote[] }>('/api/quotes', { campaignId }, signal)).items;

export const updateQuote = (quoteId: number, status: QuoteStatus) =>
  api.patch<Quote>(`/api/quotes/${quoteId}`, { status });

export const listCampaigns = (signal: AbortSignal) =>
  api.get<{ items: CampaignSummary[] }>('/api/campaigns', undefined, signal);

/** A campaign's results as a file (one row per patron and attempt): a plain link downloads it. */
export const exportUrl = (
  campaignId: number,
  format: ExportResultFormat,
  period: Period,
  language: string,
) => urlOf(`/api/campaigns/${campaignId}/results/export`, { format, ...period, language });
