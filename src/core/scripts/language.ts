import { AppError } from '../errors.js';

/** Which language version of a script (or e-mail) a caller uses with a given patron. */

/** The chosen version, and whether it is not in the patron's own language. */
export interface VersionChoice<T> {
  version: T;
  /** True when the patron's language is known but no version is in it. */
  fellBack: boolean;
}

/** "fr-CA", " FR", "fr_ca" → "fr": versions are keyed by two-letter code. */
function primaryLanguage(language: string): string {
  return language.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * Picks the version in the patron's language if there is one; else the default language's;
 * else English; else the first. `fellBack` tells the caller to expect a language mismatch.
 * @throws AppError UNPROCESSABLE when `versions` is empty.
 */
export function chooseVersion<T extends { language: string }>(
  versions: readonly T[],
  patronLanguage: string | null,
  defaultLanguage: string,
): VersionChoice<T> {
  const find = (language: string): T | undefined =>
    versions.find((v) => primaryLanguage(v.language) === primaryLanguage(language));
  const wanted = patronLanguage === null || patronLanguage.trim() === '' ? null : patronLanguage;
  const own = wanted === null ? undefined : find(wanted);
  if (own !== undefined) return { version: own, fellBack: false };
  const version = find(defaultLanguage) ?? find('en') ?? versions[0];
  if (version === undefined) {
    throw new AppError('UNPROCESSABLE', 'The script has no language version');
  }
  return { version, fellBack: wanted !== null };
}
