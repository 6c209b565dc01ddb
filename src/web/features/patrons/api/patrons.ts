import type { Patron, PatronFilter } from '../../../../shared/schemas/patrons.js';
import { api, urlOf } from '../../../api/client';

export const PATRONS_PAGE_SIZE = 50;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface PatronListFilter extends PatronFilter {
  offset: number;
}

function filterQuery({ offset: _offset, ...filter }: PatronListFilter) {
  return { ...filter, search: filter.search?.trim() };
}

export function listPatrons(filter: PatronListFilter, signal: AbortSignal) {
  return api.get<{ items: Patron[]; total: number }>(
    '/api/patrons',
    { ...filterQuery(filter), limit: PATRONS_PAGE_SIZE, offset: filter.offset },
    signal,
  );
}

/** Every patron matching the filter (not just this page), as a file to download. */
export function exportUrl(filter: PatronListFilter, format: ExportFormat): string {
  return urlOf('/api/patrons/export', { format, ...filterQuery(filter) });
}
