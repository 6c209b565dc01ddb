import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateEmailTemplateInput,
  EmailTemplate,
  UpdateEmailTemplateInput,
} from '../../../../shared/schemas/email.js';
import { templateVersionSchema } from '../../../../shared/schemas/email.js';
import { useDebounced } from '../../../app/useDebounced';
import {
  createTemplate,
  getTemplate,
  listTemplates,
  previewEmail,
  sendTestEmail,
  updateTemplate,
  type PreviewEmailInput,
} from '../api/templates';
import { emailKeys } from './keys';

/** Every template, archived ones too (the pages filter). */
export function useTemplates(enabled = true) {
  return useQuery({
    queryKey: emailKeys.templates,
    queryFn: ({ signal }) => listTemplates(signal),
    select: (data) => data.items,
    enabled,
    staleTime: 30_000,
  });
}

export function useTemplate(id: number | undefined) {
  return useQuery({
    queryKey: emailKeys.template(id ?? 0),
    queryFn: ({ signal }) => getTemplate(id ?? 0, signal),
    enabled: id !== undefined && id > 0,
  });
}

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      input,
    }: {
      id: number | null;
      input: CreateEmailTemplateInput | UpdateEmailTemplateInput;
    }) =>
      id === null
        ? createTemplate(input as CreateEmailTemplateInput)
        : updateTemplate(id, input as UpdateEmailTemplateInput),
    onSuccess: async (template: EmailTemplate) => {
      queryClient.setQueryData(emailKeys.template(template.id), template);
      await queryClient.invalidateQueries({ queryKey: emailKeys.templates, exact: true });
    },
  });
}

export function useSendTestEmail() {
  return useMutation({
    mutationFn: ({ id, language }: { id: number; language: string }) => sendTestEmail(id, language),
  });
}

/**
 * The e-mail as a patron would get it, asked again 400 ms after the text stops changing and only
 * once the version is complete (the server refuses an empty subject or body).
 */
export function usePreview(input: PreviewEmailInput) {
  const settled = useDebounced(JSON.stringify(input), 400);
  const parsed = JSON.parse(settled) as PreviewEmailInput;
  const complete = parsed.version ? templateVersionSchema.safeParse(parsed.version).success : true;
  return useQuery({
    queryKey: emailKeys.preview(settled),
    queryFn: () => previewEmail(parsed),
    enabled: complete,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
