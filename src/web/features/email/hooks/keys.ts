import type { OutboxFilter } from '../api/outbox';

export const emailKeys = {
  all: ['email'] as const,
  status: ['email', 'status'] as const,
  templates: ['email', 'templates'] as const,
  template: (id: number) => ['email', 'templates', id] as const,
  preview: (input: string) => ['email', 'preview', input] as const,
  audience: (campaignId: number, templateId: number) =>
    ['email', 'audience', campaignId, templateId] as const,
  mailings: (campaignId: number) => ['email', 'mailings', campaignId] as const,
  outbox: ['email', 'outbox'] as const,
  outboxList: (filter: OutboxFilter) => ['email', 'outbox', filter] as const,
  suppressions: ['email', 'suppressions'] as const,
  events: ['email', 'events'] as const,
  campaigns: ['email', 'campaigns'] as const,
  settings: ['email', 'settings'] as const,
  unsubscribe: (token: string) => ['unsubscribe', token] as const,
};
