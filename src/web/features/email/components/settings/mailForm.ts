import { SECURITY_MODES } from '../../../../../shared/schemas/email.js';

export type Security = (typeof SECURITY_MODES)[number];

/** A typed number; NaN when the field is empty or not a number, so validation says so. */
export function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * What to send for a password field: undefined keeps the saved one, '' removes it, anything else
 * replaces it.
 */
export function passwordToSend(typed: string, remove: boolean): string | undefined {
  if (remove) return '';
  return typed === '' ? undefined : typed;
}

/** The usual port for each kind of connection security, offered as a hint. */
export const USUAL_PORTS: Record<Security, { smtp: number; imap: number }> = {
  tls: { smtp: 465, imap: 993 },
  starttls: { smtp: 587, imap: 143 },
  none: { smtp: 25, imap: 143 },
};

/** For a cross-field rule: checked even when another field is already wrong, so all show at once. */
export const always = () => true;
