import type {
  CreateEmailTemplateInput,
  EmailTemplate,
  RenderedEmail,
  UpdateEmailTemplateInput,
  previewEmailInput,
} from '../../../../shared/schemas/email.js';
import type { z } from 'zod';
import { api } from '../../../api/client';

export type PreviewEmailInput = z.input<typeof previewEmailInput>;

export const listTemplates = (signal: AbortSignal) =>
  api.get<{ items: EmailTemplate[] }>('/api/email/templates', undefined, signal);
export const getTemplate = (id: number, signal: AbortSignal) =>
  api.get<EmailTemplate>(`/api/email/templates/${id}`, undefined, signal);
export const createTemplate = (input: CreateEmailTemplateInput) =>
  api.post<EmailTemplate>('/api/email/templates', input);
export const updateTemplate = (id: number, input: UpdateEmailTemplateInput) =>
  api.patch<EmailTemplate>(`/api/email/templates/${id}`, input);
export const previewEmail = (input: PreviewEmailInput) =>
  api.post<RenderedEmail>('/api/email/preview', input);
/** Sends the saved template to the signed-in person's own address. */
export const sendTestEmail = (id: number, language: string) =>
  api.post<{ toAddress: string }>(`/api/email/templates/${id}/test`, { language });
