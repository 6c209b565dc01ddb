import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import {
  getImport,
  listImportProblems,
  listImports,
  listLayouts,
  listSavedMappings,
  previewImport,
  saveMapping,
  startImport,
} from '../api/imports';
import type { ImportChoices } from '../api/types';
import { patronKeys } from './usePatrons';

const importKeys = {
  all: ['imports'] as const,
  history: ['imports', 'history'] as const,
  layouts: ['imports', 'layouts'] as const,
  mappings: ['imports', 'mappings'] as const,
  preview: (fileKey: number, choices: ImportChoices) =>
    ['imports', 'preview', fileKey, choices] as const,
  report: (id: number) => ['imports', 'report', id] as const,
  problems: (id: number, offset: number) => ['imports', 'problems', id, offset] as const,
};

/** How often a running import is asked for its progress. */
const POLL_MS = 500;

/** A file the coordinator chose; the key tells two choices of the same file apart. */
export interface ChosenFile {
  key: number;
  file: File;
}

export function useLayouts() {
  return useQuery({
    queryKey: importKeys.layouts,
    queryFn: ({ signal }) => listLayouts(signal),
    staleTime: Infinity,
  });
}

export function useSavedMappings() {
  return useQuery({
    queryKey: importKeys.mappings,
    queryFn: ({ signal }) => listSavedMappings(signal),
  });
}

export function useSaveMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMapping,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.mappings }),
  });
}

/**
 * How the server reads the chosen file with the coordinator's choices. Asked again whenever a
 * choice changes; the last answer stays on screen meanwhile so the page does not jump.
 */
export function usePreview(chosen: ChosenFile | null, choices: ImportChoices) {
  return useQuery({
    queryKey: importKeys.preview(chosen?.key ?? 0, choices),
    queryFn: () => {
      if (chosen === null) throw new Error('no file chosen');
      return previewImport(chosen.file, choices);
    },
    enabled: chosen !== null,
    staleTime: Infinity,
    retry: false,
    placeholderData: keepPreviousData,
  });
}

export function useStartImport() {
  return useMutation({
    mutationFn: ({
      file,
      choices,
      dryRun,
    }: {
      file: File;
      choices: ImportChoices;
      dryRun: boolean;
    }) => startImport(file, choices, dryRun),
  });
}

/** One import's report, asked again every half second while the import runs. */
export function useImportReport(id: number) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.report(id),
    queryFn: ({ signal }) => getImport(id, signal),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: (current) => (current.state.data?.status === 'running' ? POLL_MS : false),
  });
  const status = query.data?.status;
  useEffect(() => {
    // A finished import changes the history and, unless it was a dry run, the patron list.
    if (status === undefined || status === 'running') return;
    void queryClient.invalidateQueries({ queryKey: importKeys.history });
    void queryClient.invalidateQueries({ queryKey: patronKeys.all });
  }, [status, queryClient]);
  return query;
}

export function useImportProblems(id: number, offset: number) {
  return useQuery({
    queryKey: importKeys.problems(id, offset),
    queryFn: ({ signal }) => listImportProblems(id, offset, signal),
    placeholderData: keepPreviousData,
  });
}

export function useImportHistory() {
  return useQuery({
    queryKey: importKeys.history,
    queryFn: ({ signal }) => listImports(signal),
  });
}
