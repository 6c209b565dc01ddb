import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/client';
import { sessionKeys, useSetCurrentUser } from '../../../app/session';
import { completeSetup, signIn, signOut } from '../api/auth';

export function useSignIn() {
  const setCurrentUser = useSetCurrentUser();
  return useMutation({
    mutationFn: signIn,
    onSuccess: ({ user }) => setCurrentUser(user),
  });
}

export function useCompleteSetup() {
  const queryClient = useQueryClient();
  const setCurrentUser = useSetCurrentUser();
  return useMutation({
    mutationFn: completeSetup,
    onSuccess: ({ user }) => {
      queryClient.setQueryData(sessionKeys.setup, { needed: false });
      setCurrentUser(user);
    },
  });
}

/**
 * Ends the session, then loads the sign-in page afresh: nothing of the previous person's data
 * stays in memory for whoever uses this browser next. An already expired session counts as
 * signed out.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      try {
        await signOut();
      } catch (error) {
        if (!isApiError(error) || error.code !== 'UNAUTHENTICATED') throw error;
      }
    },
    onSuccess: () => window.location.replace('/sign-in'),
  });
}
