import { useQuery } from '@tanstack/react-query';
import type { Service } from '../../shared/schemas/campaigns.js';
import type { LibrarySettings } from '../../shared/schemas/library.js';
import { api } from '../api/client';

/** Data several features read: the services catalogue and the library's own details. */
export const catalogueKeys = {
  services: (includeInactive: boolean) => ['services', { includeInactive }] as const,
  allServices: ['services'] as const,
  library: ['library'] as const,
};

export function useServices(includeInactive = false) {
  return useQuery({
    queryKey: catalogueKeys.services(includeInactive),
    queryFn: ({ signal }) =>
      api.get<{ items: Service[] }>(
        '/api/services',
        { includeInactive: includeInactive ? 'true' : undefined },
        signal,
      ),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useLibrary() {
  return useQuery({
    queryKey: catalogueKeys.library,
    queryFn: ({ signal }) => api.get<LibrarySettings>('/api/library', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** A text kept per language ({ en, fr, … }) in `language`, else English, else any. */
export function inLanguage(texts: Record<string, string>, language: string): string {
  return texts[language] || texts.en || Object.values(texts).find((v) => v !== '') || '';
}
