/**
 * Languages offered for calling, by ISO 639-1 code: Canada's official languages, then those most
 * spoken at home in Canadian cities. Anything already saved on the account is offered too.
 */
export const COMMON_CALL_LANGUAGES = [
  'en',
  'fr',
  'es',
  'pt',
  'it',
  'de',
  'pl',
  'uk',
  'ru',
  'ar',
  'fa',
  'ur',
  'pa',
  'hi',
  'gu',
  'ta',
  'zh',
  'ko',
  'vi',
  'tl',
] as const;

/** The language's name in the interface language (Intl knows them all). */
export function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(uiLanguage) + name.slice(1);
  } catch {
    return code;
  }
}
