import type { TFunction } from 'i18next';
import type { z } from 'zod';

type Values = Record<string, unknown>;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/**
 * A translated message for one zod issue. The shared schemas carry English messages for the API;
 * the form says the same thing from the issue's kind and bounds, in the user's language.
 */
export function issueMessage(issue: z.core.$ZodIssue, values: Values, t: TFunction): string {
  const field = issue.path[0];
  if (typeof field === 'string' && isEmpty(values[field])) return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string'
        ? t('validation.tooShort', { count: Number(issue.minimum) })
        : t('validation.required');
    case 'too_big':
      return issue.origin === 'string'
        ? t('validation.tooLong', { count: Number(issue.maximum) })
        : t('validation.tooMany', { count: Number(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    case 'custom':
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_type':
    case 'invalid_union':
    case 'not_multiple_of':
    case 'unrecognized_keys':
      return t('validation.invalid');
  }
}

/** Field name → message, first issue of each field wins. */
export function fieldErrorsOf(error: z.ZodError, values: Values, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    errors[field] ??= issueMessage(issue, values, t);
  }
  return errors;
}

export type FieldErrors = Partial<Record<string, string>>;
