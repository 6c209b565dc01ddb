import type { TFunction } from 'i18next';
import { ROLES, UI_LANGUAGES, type Role, type UiLanguage } from '../../../shared/roles.js';
import type { SelectOption } from '../ui/SelectField';

export function roleOptions(t: TFunction): SelectOption<Role>[] {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

export function uiLanguageOptions(t: TFunction): SelectOption<UiLanguage>[] {
  return UI_LANGUAGES.map((language) => ({
    value: language,
    label: t(`language.name.${language}`),
  }));
}
