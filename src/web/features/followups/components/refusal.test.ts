import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { apiError } from '../../../api/client';
import { refusalText } from './refusal';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('refusalText', () => {
  it('gives the server’s reason for a refusal', () => {
    const error = apiError(409, 'CONFLICT', 'Sam already acknowledged it');
    expect(refusalText(error, t)).toBe('work.refused {"reason":"Sam already acknowledged it"}');
    const blocked = apiError(422, 'UNPROCESSABLE', 'This patron unsubscribed');
    expect(refusalText(blocked, t)).toBe('work.refused {"reason":"This patron unsubscribed"}');
  });

  it('keeps the usual text for other failures, or when no reason was given', () => {
    expect(refusalText(apiError(403, 'FORBIDDEN', 'Forbidden'), t)).toBe('errors.FORBIDDEN');
    expect(refusalText(apiError(409, 'CONFLICT', ''), t)).toBe('errors.CONFLICT');
    expect(refusalText(new Error('boom'), t)).toBe('errors.INTERNAL');
  });
});
