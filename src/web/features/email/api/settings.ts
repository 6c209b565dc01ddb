import type { MailSettings, UpdateMailSettingsInput } from '../../../../shared/schemas/email.js';
import { api } from '../../../api/client';

export interface MailStatus {
  mode: 'log' | 'smtp';
  logDir: string | null;
  queued: number;
  fromAddress: string;
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

export type MailCheck = 'relay' | 'bounces';

export const getMailStatus = (signal: AbortSignal) =>
  api.get<MailStatus>('/api/email/status', undefined, signal);
export const getMailSettings = (signal: AbortSignal) =>
  api.get<MailSettings>('/api/settings/mail', undefined, signal);
export const updateMailSettings = (input: UpdateMailSettingsInput) =>
  api.patch<MailSettings>('/api/settings/mail', input);
/** Tries the saved settings: the relay's connection, or the bounce mailbox. */
export const checkMail = (what: MailCheck) =>
  api.post<CheckResult>(
    what === 'relay' ? '/api/settings/mail/test' : '/api/settings/mail/bounces/test',
  );
/** A new bounce webhook token; the old one stops working. Shown once. */
export const createWebhookToken = () =>
  api.post<{ token: string; url: string }>('/api/settings/mail/webhook-token');
