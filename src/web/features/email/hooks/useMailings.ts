import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Mailing, SendCampaignEmailsInput } from '../../../../shared/schemas/email.js';
import {
  changeMailing,
  getEmailAudience,
  listMailings,
  sendCampaignEmails,
  sendFollowUpEmail,
  type MailingAction,
} from '../api/mailings';
import { emailKeys } from './keys';

/** While a mailing is going out its counts are asked for again this often. */
const REFRESH_MS = 5_000;

export function useEmailAudience(campaignId: number, templateId: number | undefined) {
  return useQuery({
    queryKey: emailKeys.audience(campaignId, templateId ?? 0),
    queryFn: ({ signal }) => getEmailAudience(campaignId, templateId ?? 0, signal),
    enabled: templateId !== undefined,
  });
}

export function useMailings(campaignId: number) {
  return useQuery({
    queryKey: emailKeys.mailings(campaignId),
    queryFn: ({ signal }) => listMailings(campaignId, signal),
    select: (data) => data.items,
    refetchInterval: (query) =>
      query.state.data?.items.some((m) => m.status === 'sending') ? REFRESH_MS : false,
  });
}

function useMailingsChanged(campaignId: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: emailKeys.mailings(campaignId) }),
      queryClient.invalidateQueries({ queryKey: ['email', 'audience', campaignId] }),
      queryClient.invalidateQueries({ queryKey: emailKeys.outbox }),
      queryClient.invalidateQueries({ queryKey: emailKeys.status }),
    ]);
}

export function useSendCampaignEmails(campaignId: number) {
  const changed = useMailingsChanged(campaignId);
  return useMutation({
    mutationFn: (input: SendCampaignEmailsInput) => sendCampaignEmails(campaignId, input),
    onSuccess: changed,
  });
}

export function useMailingAction(campaignId: number) {
  const changed = useMailingsChanged(campaignId);
  return useMutation({
    mutationFn: ({ mailing, action }: { mailing: Mailing; action: MailingAction }) =>
      changeMailing(mailing.id, action),
    onSuccess: changed,
  });
}

export function useSendFollowUpEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: sendFollowUpEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emailKeys.outbox }),
  });
}
