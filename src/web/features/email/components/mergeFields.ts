import type { EmailMergeField } from '../../../../shared/schemas/email.js';

/** How a merge field is written in a template. */
export function mergeToken(field: EmailMergeField): string {
  return `{{${field}}}`;
}

export interface Insertion {
  value: string;
  /** Where the cursor goes: just after the inserted text. */
  caret: number;
}

/**
 * `text` put into `value` at the cursor, replacing the selection (start…end). Positions out of
 * range are clamped, so a stale selection never loses what was typed.
 */
export function insertAt(value: string, start: number, end: number, text: string): Insertion {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
