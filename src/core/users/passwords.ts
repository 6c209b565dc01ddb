import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../shared/roles.js';
import { AppError } from '../errors.js';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane. (2 is Algorithm.Argon2id, a const enum
// that cannot be imported under verbatimModuleSyntax.)
const ARGON2ID = 2;
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((p: string) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Checks a new password against TRUST SC-1: 12 to 128 characters, not a common password, not the
 * account's own e-mail or name. No composition rules. Throws WEAK_PASSWORD with the reason.
 */
export function assertPasswordAcceptable(
  password: string,
  account: { email?: string; name?: string } = {},
): void {
  // Length in code points, so a passphrase in any script counts as the person typed it.
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw new AppError(
      'WEAK_PASSWORD',
      `Password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters long`,
      { field: 'password', reason: 'length' },
    );
  }
  const lower = password.toLowerCase();
  const own = [account.email, account.email?.split('@')[0], account.name]
    .filter((v): v is string => v !== undefined && v.length > 0)
    .map((v) => v.toLowerCase());
  if (isCommonPassword(password) || own.includes(lower) || /^(.)\1+$/.test(password)) {
    throw new AppError('WEAK_PASSWORD', 'This password is too easy to guess; choose another', {
      field: 'password',
      reason: 'common',
    });
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal it. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
  return dummyHash;
}
