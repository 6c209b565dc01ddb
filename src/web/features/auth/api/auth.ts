import type { CompleteSetupInput, SignInInput, User } from '../../../../shared/schemas/users.js';
import { api } from '../../../api/client';

export function signIn(input: SignInInput) {
  return api.post<{ user: User; expiresAt: string }>('/api/auth/sign-in', input);
}

export function signOut() {
  return api.post<{ ok: true }>('/api/auth/sign-out');
}

export function completeSetup(input: CompleteSetupInput) {
  return api.post<{ user: User }>('/api/setup', input);
}
