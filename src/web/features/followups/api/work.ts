import type {
  MyCallback,
  RecurringCalls,
  Team,
  TeamInput,
  WorkSummary,
} from '../../../../shared/schemas/followups.js';
import type { User } from '../../../../shared/schemas/users.js';
import { api } from '../../../api/client';

/** The counts behind the navigation's badges and the urgent banner. */
export const getWorkSummary = (signal: AbortSignal) =>
  api.get<WorkSummary>('/api/work/summary', undefined, signal);

export type RecurringScope = 'mine' | 'all';
export type RecurringStatus = 'active' | 'paused' | 'ended' | 'any';

export const listRecurringCalls = (
  scope: RecurringScope,
  status: RecurringStatus,
  signal: AbortSignal,
) => api.get<RecurringCalls[]>('/api/recurring-calls', { scope, status }, signal);

export const listTeams = (signal: AbortSignal) => api.get<Team[]>('/api/teams', undefined, signal);
export const createTeam = (input: TeamInput) => api.post<Team>('/api/teams', input);
export const updateTeam = (id: number, input: TeamInput) =>
  api.put<Team>(`/api/teams/${id}`, input);

/** Staff accounts that can own tasks (coordinators and admins may list them). */
export const listStaff = async (signal: AbortSignal) => {
  const page = await api.get<{ items: User[]; total: number }>(
    '/api/users',
    { limit: 500 },
    signal,
  );
  return page.items.filter((user) => !user.disabled && user.role !== 'viewer');
};

/** The callbacks booked for me on running campaigns, soonest first. */
export const listMyCallbacks = (signal: AbortSignal) =>
  api.get<MyCallback[]>('/api/work/callbacks', undefined, signal);
