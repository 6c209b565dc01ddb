import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isApiError, issuesOf } from '../../api/client';
import type { SummaryItem } from '../ui/ErrorSummary';
import { errorMessage } from './errorMessage';
import { fieldErrorsOf, type FieldErrors } from './issues';

export interface FormErrorsOptions<F extends string> {
  /** Prefix of the form's field ids: field `email` has id `${idPrefix}-email`. */
  idPrefix: string;
  /** Field labels, used in the error summary. */
  labels: Record<F, string>;
  /** Server field names that differ from the form's (e.g. password → newPassword). */
  serverFields?: Partial<Record<string, NoInfer<F>>>;
  /** What to say when a field fails validation, where the usual text would not fit (a checkbox). */
  messages?: Partial<Record<NoInfer<F>, string>>;
}

/**
 * Validation and server errors for one form: validates with the shared zod schema, turns API
 * errors into field or form messages, and counts failures so the error summary can take focus.
 */
export function useFormErrors<F extends string>({
  idPrefix,
  labels,
  serverFields = {},
  messages = {},
}: FormErrorsOptions<F>) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [failures, setFailures] = useState(0);
  const fail = useCallback((fields: FieldErrors, form?: string) => {
    setErrors(fields);
    setFormError(form);
    setFailures((n) => n + 1);
  }, []);

  const clear = useCallback(() => {
    setErrors({});
    setFormError(undefined);
  }, []);

  /** Parses `values`; on failure shows the errors and returns undefined. */
  const validate = <S extends z.ZodType>(
    schema: S,
    values: z.input<S> & Record<string, unknown>,
  ) => {
    const result = schema.safeParse(values);
    if (result.success) {
      clear();
      return result.data;
    }
    const fields = fieldErrorsOf(result.error, values, t);
    for (const field of Object.keys(fields)) {
      const message = messages[field as F];
      if (message !== undefined) fields[field] = message;
    }
    const unlabelled = Object.keys(fields).some((field) => !Object.hasOwn(labels, field));
    fail(fields, unlabelled ? t('validation.formInvalid') : undefined);
    return undefined;
  };

  const known = (name: string | undefined): F | undefined => {
    if (name === undefined) return undefined;
    const mapped = serverFields[name] ?? name;
    return Object.hasOwn(labels, mapped) ? (mapped as F) : undefined;
  };

  /** Shows a failed request; `formText` replaces the usual text for a problem with the whole form. */
  const showApiError = (error: unknown, formText?: string) => {
    if (isApiError(error) && error.code === 'VALIDATION_FAILED') {
      const fields: FieldErrors = {};
      for (const issue of issuesOf(error)) {
        const field = known(issue.path.replace(/^body\./, '').split('.')[0]);
        if (field !== undefined) fields[field] ??= t('validation.invalid');
      }
      if (Object.keys(fields).length > 0) return fail(fields);
    }
    const field = isApiError(error)
      ? known((error.details as { field?: string } | undefined)?.field)
      : undefined;
    if (field !== undefined) return fail({ [field]: errorMessage(error, t) });
    fail({}, formText ?? errorMessage(error, t));
  };

  const fieldId = (field: F) => `${idPrefix}-${field}`;
  const summaryItems: SummaryItem[] = (Object.keys(labels) as F[]).flatMap((field) => {
    const message = errors[field];
    return message
      ? [
          {
            fieldId: fieldId(field),
            text: t('form.summaryItem', { label: labels[field], message }),
          },
        ]
      : [];
  });

  return {
    errors: errors as Partial<Record<F, string>>,
    formError,
    /** Changes on each failed submit; the error summary takes focus when it does. */
    failures,
    summaryItems,
    fieldId,
    validate,
    showApiError,
    clear,
  };
}
