import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamInput } from '../../../../shared/schemas/followups.js';
import {
  createTeam,
  getWorkSummary,
  listMyCallbacks,
  listRecurringCalls,
  listStaff,
  listTeams,
  updateTeam,
  type RecurringScope,
  type RecurringStatus,
} from '../api/work';
import { followUpKeys } from './keys';
import { useRecentInput } from './useRecentInput';

/** How often the navigation's counts are asked again. */
export const SUMMARY_INTERVAL_MS = 30_000;
/** Polling stops this long after the person's last input (and while the tab is hidden). */
export const SUMMARY_IDLE_MS = 15 * 60_000;

/**
 * My open tasks, team tasks, escalations waiting: polled every 30 s for the navigation and the
 * banner while the page is in use; asked again at once when the person comes back to it.
 */
export function useWorkSummary(enabled: boolean) {
  const inUse = useRecentInput(SUMMARY_IDLE_MS);
  return useQuery({
    queryKey: followUpKeys.summary,
    queryFn: ({ signal }) => getWorkSummary(signal),
    enabled,
    refetchInterval: inUse ? SUMMARY_INTERVAL_MS : false,
    refetchOnWindowFocus: true,
    // A failed count is not worth a message on every page: the badges just stay as they were.
    retry: false,
  });
}

export function useRecurringCalls(scope: RecurringScope, status: RecurringStatus) {
  return useQuery({
    queryKey: followUpKeys.recurring(scope, status),
    queryFn: ({ signal }) => listRecurringCalls(scope, status, signal),
  });
}

export function useMyCallbacks() {
  return useQuery({
    queryKey: followUpKeys.callbacks,
    queryFn: ({ signal }) => listMyCallbacks(signal),
  });
}

export function useTeams() {
  return useQuery({
    queryKey: followUpKeys.teams,
    queryFn: ({ signal }) => listTeams(signal),
    staleTime: 60_000,
  });
}

/** Staff who can own a task: only coordinators and admins may list them. */
export function useStaffWhoCall(enabled: boolean) {
  return useQuery({
    queryKey: followUpKeys.staff,
    queryFn: ({ signal }) => listStaff(signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useSaveTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: TeamInput }) =>
      id === null ? createTeam(input) : updateTeam(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
  });
}
