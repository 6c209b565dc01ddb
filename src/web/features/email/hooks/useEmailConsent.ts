import { useMutation, useQueryClient } from '@tanstack/react-query';
import { setEmailConsent, type EmailConsent } from '../api/consent';

/** The patron list (another feature's query) shows consent: it is read again after a change. */
const PATRON_LIST_KEY = ['patrons'] as const;

export function useSetEmailConsent(patronId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (emailConsent: EmailConsent) => setEmailConsent(patronId, emailConsent),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PATRON_LIST_KEY }),
  });
}
