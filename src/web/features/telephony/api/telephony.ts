import type {
  DialInput,
  DialResult,
  SipAccount,
  SoftphoneConfig,
  TelephonySettings,
  UpdateSipAccountInput,
  UpdateTelephonySettingsInput,
} from '../../../../shared/schemas/telephony.js';
import { api } from '../../../api/client';

export function getTelephonySettings(signal: AbortSignal) {
  return api.get<TelephonySettings>('/api/settings/telephony', undefined, signal);
}

export function updateTelephonySettings(input: UpdateTelephonySettingsInput) {
  return api.patch<TelephonySettings>('/api/settings/telephony', input);
}

/** The signed-in staff member's registration details, password included (each read is audited). */
export function getSoftphoneConfig(signal: AbortSignal) {
  return api.get<SoftphoneConfig>('/api/me/softphone', undefined, signal);
}

export function getOwnSipAccount(signal: AbortSignal) {
  return api.get<SipAccount>('/api/me/sip-account', undefined, signal);
}

export function updateOwnSipAccount(input: UpdateSipAccountInput) {
  return api.patch<SipAccount>('/api/me/sip-account', input);
}

export function getSipAccount(userId: number, signal: AbortSignal) {
  return api.get<SipAccount>(`/api/users/${userId}/sip-account`, undefined, signal);
}

export function updateSipAccount(userId: number, input: UpdateSipAccountInput) {
  return api.patch<SipAccount>(`/api/users/${userId}/sip-account`, input);
}

/** Asks the server whether this number may be called now, and what to dial. */
export function dial(claimId: number, input: DialInput) {
  return api.post<DialResult>(`/api/claims/${claimId}/dial`, input);
}
