import type { ImportReport } from '../../../../shared/schemas/patrons.js';
import { api } from '../../../api/client';
import type {
  FieldMapping,
  ImportChoices,
  ImportLayout,
  ImportPreview,
  ImportProblem,
  SavedMapping,
} from './types';

/** Extensions the file input offers; the server reads the content, not the name. */
export const ACCEPTED_FILES = '.xlsx,.csv,.tsv,.txt,.json,.jsonl';
export const PROBLEMS_PAGE_SIZE = 25;
export const HISTORY_SIZE = 10;

function uploadForm(file: File, choices: ImportChoices, extra: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(extra)) form.append(name, value);
  if (choices.layout) form.append('layout', choices.layout);
  if (choices.sheet) form.append('sheet', choices.sheet);
  if (choices.mapping && Object.keys(choices.mapping).length > 0) {
    form.append('mapping', JSON.stringify(choices.mapping));
  }
  // The file goes last so the server has every field before it streams the file.
  form.append('file', file, file.name);
  return form;
}

export function previewImport(file: File, choices: ImportChoices) {
  return api.upload<ImportPreview>('/api/imports/preview', uploadForm(file, choices));
}

export function startImport(file: File, choices: ImportChoices, dryRun: boolean) {
  const form = uploadForm(file, choices, { dryRun: dryRun ? 'true' : 'false' });
  return api.upload<ImportReport>('/api/imports', form);
}

export function getImport(id: number, signal: AbortSignal) {
  return api.get<ImportReport>(`/api/imports/${id}`, undefined, signal);
}

export function listImports(signal: AbortSignal) {
  return api.get<{ items: ImportReport[]; total: number }>(
    '/api/imports',
    { limit: HISTORY_SIZE },
    signal,
  );
}

export function listImportProblems(id: number, offset: number, signal: AbortSignal) {
  return api.get<{ items: ImportProblem[]; total: number }>(
    `/api/imports/${id}/problems`,
    { limit: PROBLEMS_PAGE_SIZE, offset },
    signal,
  );
}

export function problemsCsvUrl(id: number): string {
  return `/api/imports/${id}/problems.csv`;
}

export function listLayouts(signal: AbortSignal) {
  return api.get<ImportLayout[]>('/api/imports/layouts', undefined, signal);
}

export function listSavedMappings(signal: AbortSignal) {
  return api.get<SavedMapping[]>('/api/imports/mappings', undefined, signal);
}

export function saveMapping(input: { name: string; layout: string; mapping: FieldMapping }) {
  return api.post<SavedMapping>('/api/imports/mappings', input);
}
