import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../shared/roles.js';

export interface LanguageSwitchProps {
  current: UiLanguage;
  onSwitch: (language: UiLanguage) => void;
  busy?: boolean;
}

/** Offers the other language, named in that language (as people look for their own). */
export function LanguageSwitch({ current, onSwitch, busy = false }: LanguageSwitchProps) {
  const { t } = useTranslation();
  const other: UiLanguage = current === 'en' ? 'fr' : 'en';
  return (
    <button
      type="button"
      className="language-switch"
      lang={other}
      aria-disabled={busy || undefined}
      onClick={() => {
        if (!busy) onSwitch(other);
      }}
    >
      {t(`language.name.${other}`)}
    </button>
  );
}
