import type {
  ChangePasswordInput,
  UpdateOwnSettingsInput,
  User,
} from '../../../../shared/schemas/users.js';
import { api } from '../../../api/client';

export function updateOwnSettings(input: UpdateOwnSettingsInput) {
  return api.patch<User>('/api/me', input);
}

export function changeOwnPassword(input: ChangePasswordInput) {
  return api.post<{ ok: true }>('/api/me/password', input);
}
