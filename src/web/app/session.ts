import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { User } from '../../shared/schemas/users.js';
import { api, isApiError } from '../api/client';

export const sessionKeys = {
  me: ['session', 'me'] as const,
  setup: ['session', 'setup'] as const,
};

/** The signed-in user, or null when nobody is signed in (the API answered UNAUTHENTICATED). */
async function fetchCurrentUser({ signal }: { signal: AbortSignal }): Promise<User | null> {
  try {
    return await api.get<User>('/api/me', undefined, signal);
  } catch (error) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
}

export function useCurrentUserQuery() {
  return useQuery({ queryKey: sessionKeys.me, queryFn: fetchCurrentUser, staleTime: 60_000 });
}

/** The signed-in user; only for pages behind RequireSession, which guarantees one. */
export function useCurrentUser(): User {
  const { data } = useCurrentUserQuery();
  if (!data) throw new Error('useCurrentUser used outside a signed-in page');
  return data;
}

export function useSetupStatus() {
  return useQuery({
    queryKey: sessionKeys.setup,
    queryFn: ({ signal }) => api.get<{ needed: boolean }>('/api/setup', undefined, signal),
    staleTime: Infinity,
  });
}

/** Records who is signed in after sign-in, setup or a settings change. */
export function useSetCurrentUser() {
  const queryClient = useQueryClient();
  return useCallback((user: User) => queryClient.setQueryData(sessionKeys.me, user), [queryClient]);
}
