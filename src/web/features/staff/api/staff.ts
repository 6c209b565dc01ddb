import type { Role } from '../../../../shared/roles.js';
import type { CreateUserInput, UpdateUserInput, User } from '../../../../shared/schemas/users.js';
import { api } from '../../../api/client';

export interface StaffFilter {
  search: string;
  role: Role | undefined;
  includeDisabled: boolean;
  offset: number;
}

export const STAFF_PAGE_SIZE = 25;

export function listStaff(filter: StaffFilter, signal: AbortSignal) {
  return api.get<{ items: User[]; total: number }>(
    '/api/users',
    {
      search: filter.search.trim(),
      role: filter.role,
      includeDisabled: filter.includeDisabled ? 'true' : undefined,
      limit: STAFF_PAGE_SIZE,
      offset: filter.offset,
    },
    signal,
  );
}

export function getStaffMember(id: number, signal: AbortSignal) {
  return api.get<User>(`/api/users/${id}`, undefined, signal);
}

export function createStaffMember(input: CreateUserInput) {
  return api.post<User>('/api/users', input);
}

export function updateStaffMember(id: number, input: UpdateUserInput) {
  return api.patch<User>(`/api/users/${id}`, input);
}
