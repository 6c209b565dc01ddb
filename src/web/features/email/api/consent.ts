import type { Patron } from '../../../../shared/schemas/patrons.js';
import { api } from '../../../api/client';

export type EmailConsent = Patron['emailConsent'];

/** Records (express or implied) or withdraws (null) a patron's consent to promotional e-mail. */
export const setEmailConsent = (patronId: number, emailConsent: EmailConsent) =>
  api.put<{ patronId: number; emailConsent: EmailConsent }>(
    `/api/patrons/${patronId}/email-consent`,
    { emailConsent },
  );
