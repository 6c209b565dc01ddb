import type { Period } from '../api/results';

export const resultsKeys = {
  all: ['results'] as const,
  stats: (campaignId: number | null, period: Period, language: string) =>
    ['results', 'stats', campaignId, period.from ?? null, period.to ?? null, language] as const,
  report: (campaignId: number | null, period: Period, language: string) =>
    ['results', 'report', campaignId, period.from ?? null, period.to ?? null, language] as const,
  reports: ['results', 'report'] as const,
  quotes: (campaignId: number | undefined) => ['results', 'quotes', campaignId ?? null] as const,
  allQuotes: ['results', 'quotes'] as const,
  campaigns: ['results', 'campaigns'] as const,
};
