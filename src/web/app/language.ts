import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../shared/roles.js';
import type { User } from '../../shared/schemas/users.js';
import { api } from '../api/client';
import { applyLanguage, isUiLanguage } from './i18n';
import { useCurrentUserQuery, useSetCurrentUser } from './session';

/** Shows the interface in the signed-in user's saved language whenever it is known or changes. */
export function useFollowUserLanguage(): void {
  const { data: user } = useCurrentUserQuery();
  const language = user?.language;
  useEffect(() => {
    if (language !== undefined) void applyLanguage(language);
  }, [language]);
}

/**
 * Switches the interface language. Signed in, the choice is saved on the account so it follows
 * the person to any computer; before sign-in it is kept on this browser.
 */
export function useSwitchLanguage() {
  const { i18n } = useTranslation();
  const { data: user } = useCurrentUserQuery();
  const setCurrentUser = useSetCurrentUser();
  const save = useMutation({
    mutationFn: (language: UiLanguage) => api.patch<User>('/api/me', { language }),
    onSuccess: (updated) => setCurrentUser(updated),
  });
  const switchTo = (language: UiLanguage) => {
    // Switch at once: waiting for the server would make the button feel broken.
    void applyLanguage(language);
    if (user) save.mutate(language);
  };
  const current: UiLanguage = isUiLanguage(i18n.language) ? i18n.language : 'en';
  return { current, switchTo, busy: save.isPending };
}
