import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { apiError } from '../../../api/client';
import { refusalText } from './refusal';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('refusalText', () => {
  it('gives the server’s reason for a refusal', () => {
    const error = apiError(422, 'UNPROCESSABLE', 'This e-mail cannot be sent: patron deceased');
    expect(refusalText(error, t)).toBe(
      'email.refusal.reason {"reason":"This e-mail cannot be sent: patron deceased"}',
    );
  });

  it('says plainly that the call was lost', () => {
    const error = apiError(409, 'CONFLICT', 'You are not holding this patron any more', {
      reason: 'CLAIM_LOST',
    });
    expect(refusalText(error, t)).toBe('email.refusal.claimLost');
  });

  it('keeps the usual text for other failures', () => {
    expect(refusalText(apiError(403, 'FORBIDDEN', 'Forbidden'), t)).toBe('errors.FORBIDDEN');
    expect(refusalText(apiError(0, 'SERVICE_UNAVAILABLE', 'down'), t)).toBe(
      'errors.SERVICE_UNAVAILABLE',
    );
    expect(refusalText(new Error('boom'), t)).toBe('errors.INTERNAL');
  });

  it('falls back to the code when the server gave no reason', () => {
    expect(refusalText(apiError(409, 'CONFLICT', ' '), t)).toBe('errors.CONFLICT');
  });
});
