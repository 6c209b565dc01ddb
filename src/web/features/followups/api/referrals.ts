import type {
  CreateReferralInput,
  Referral,
  ReferralService,
  ReferralServiceInput,
} from '../../../../shared/schemas/followups.js';
import { api } from '../../../api/client';

export const listReferralServices = (includeArchived: boolean, signal: AbortSignal) =>
  api.get<ReferralService[]>(
    '/api/referral-services',
    { includeArchived: includeArchived ? 'true' : undefined },
    signal,
  );

export const createReferralService = (input: ReferralServiceInput) =>
  api.post<ReferralService>('/api/referral-services', input);

/** Edits a directory entry; `archived: true` archives it. */
export const updateReferralService = (id: number, input: ReferralServiceInput) =>
  api.put<ReferralService>(`/api/referral-services/${id}`, input);

export const createReferral = (input: CreateReferralInput) =>
  api.post<Referral>('/api/referrals', input);
