import type { SipAccount, UpdateSipAccountInput } from '../../../../../shared/schemas/telephony.js';

/** A phone account as typed: a password left empty keeps the saved one. */
export interface SipAccountValues {
  enabled: boolean;
  username: string;
  authorizationUser: string;
  password: string;
}

export function sipAccountValuesOf(account: SipAccount): SipAccountValues {
  return {
    enabled: account.enabled,
    username: account.username,
    authorizationUser: account.authorizationUser,
    password: '',
  };
}

/**
 * Only what differs from the saved account (each change is audited by name); a typed password
 * always replaces the saved one, an empty password field is left out and keeps it.
 */
export function sipAccountChanges(
  saved: SipAccount,
  next: UpdateSipAccountInput,
): UpdateSipAccountInput {
  const changes: UpdateSipAccountInput = {};
  if (next.enabled !== undefined && next.enabled !== saved.enabled) changes.enabled = next.enabled;
  if (next.username !== undefined && next.username !== saved.username) {
    changes.username = next.username;
  }
  if (next.authorizationUser !== undefined && next.authorizationUser !== saved.authorizationUser) {
    changes.authorizationUser = next.authorizationUser;
  }
  if (next.password !== undefined && next.password !== '') changes.password = next.password;
  return changes;
}

/** What the form sends to be checked: trimmed names, and no password when none was typed. */
export function sipAccountInputOf(values: SipAccountValues): UpdateSipAccountInput {
  return {
    enabled: values.enabled,
    username: values.username.trim(),
    authorizationUser: values.authorizationUser.trim(),
    ...(values.password === '' ? {} : { password: values.password }),
  };
}
