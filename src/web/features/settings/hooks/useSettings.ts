import { useMutation } from '@tanstack/react-query';
import { useSetCurrentUser } from '../../../app/session';
import { changeOwnPassword, updateOwnSettings } from '../api/settings';

export function useUpdateOwnSettings() {
  const setCurrentUser = useSetCurrentUser();
  return useMutation({
    mutationFn: updateOwnSettings,
    // The saved language then drives the interface (useFollowUserLanguage).
    onSuccess: (user) => setCurrentUser(user),
  });
}

export function useChangeOwnPassword() {
  return useMutation({ mutationFn: changeOwnPassword });
}
