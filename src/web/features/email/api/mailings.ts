import type {
  EmailAudience,
  Mailing,
  OutboxMessage,
  SendCampaignEmailsInput,
  SendFollowUpEmailInput,
} from '../../../../shared/schemas/email.js';
import { api } from '../../../api/client';

export type MailingAction = 'pause' | 'resume' | 'cancel';

export const getEmailAudience = (campaignId: number, templateId: number, signal: AbortSignal) =>
  api.get<EmailAudience>(`/api/campaigns/${campaignId}/email-audience`, { templateId }, signal);
export const listMailings = (campaignId: number, signal: AbortSignal) =>
  api.get<{ items: Mailing[] }>(`/api/campaigns/${campaignId}/mailings`, undefined, signal);
export const sendCampaignEmails = (campaignId: number, input: SendCampaignEmailsInput) =>
  api.post<{ mailing: Mailing; queued: number }>(`/api/campaigns/${campaignId}/mailings`, input);
export const changeMailing = (mailingId: number, action: MailingAction) =>
  api.post<Mailing>(`/api/mailings/${mailingId}/${action}`);
/** The follow-up from the calling screen; the claim token proves the caller still holds the call. */
export const sendFollowUpEmail = (input: SendFollowUpEmailInput) =>
  api.post<OutboxMessage>('/api/calling/follow-up-email', input);
