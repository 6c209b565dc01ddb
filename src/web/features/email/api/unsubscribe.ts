import type { UnsubscribeInfo } from '../../../../shared/schemas/email.js';
import { api } from '../../../api/client';

const path = (token: string) => `/api/public/unsubscribe/${encodeURIComponent(token)}`;

export const getUnsubscribe = (token: string, signal: AbortSignal) =>
  api.get<UnsubscribeInfo>(path(token), undefined, signal);
export const unsubscribe = (token: string) => api.post<UnsubscribeInfo>(path(token));
