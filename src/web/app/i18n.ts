import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../../shared/roles.js';
import en from '../locales/en.json';
import fr from '../locales/fr.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** Where a visitor's own choice is kept before they sign in (a signed-in user's is on the server). */
const CHOSEN_LANGUAGE_KEY = 'outreach-desk.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** The visitor's earlier choice, else the browser's language (any French variant → fr), else en. */
export function initialLanguage(): UiLanguage {
  const chosen = window.localStorage.getItem(CHOSEN_LANGUAGE_KEY);
  if (isUiLanguage(chosen)) return chosen;
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'en';
}

/** Shows the interface in `language` and remembers the choice on this browser. */
export async function applyLanguage(language: UiLanguage): Promise<void> {
  window.localStorage.setItem(CHOSEN_LANGUAGE_KEY, language);
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

/**
 * Shows the interface in `language` without remembering it as this browser's choice: for a page
 * that knows its reader's language (the patrons' unsubscribe page).
 */
export async function showLanguage(language: UiLanguage): Promise<void> {
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export async function initI18n(): Promise<void> {
  // Screen readers pick their voice from <html lang>: keep it in step with the interface.
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: UI_LANGUAGES,
    // React escapes text itself; double escaping would show entities to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
    // No notices in the console: it is kept clean so real errors stand out.
    showSupportNotice: false,
  });
  document.documentElement.lang = i18next.language;
}
