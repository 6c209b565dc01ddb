import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { patronStatusSchema, type PatronFilter } from '../../../../shared/schemas/patrons.js';
import { Button } from '../../../components/ui/Button';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import type { PatronListFilter } from '../api/patrons';
import { YES_NO_FILTERS } from '../hooks/usePatronFilter';
import { languageName } from './format';

/** Languages offered in the filter: the ones most often spoken by patrons of Canadian libraries. */
const LANGUAGES = ['en', 'fr', 'zh', 'pa', 'es', 'ar', 'tl', 'it', 'pt', 'ur', 'fa', 'ta', 'ru'];

type YesNo = 'true' | 'false' | '';

export function PatronFilterForm({
  filter,
  onApply,
}: {
  filter: PatronListFilter;
  onApply: (filter: PatronListFilter) => void;
}) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState(filter.search ?? '');
  const [status, setStatus] = useState<string>(filter.status ?? '');
  const [language, setLanguage] = useState(filter.language ?? '');
  const [yesNo, setYesNo] = useState<Record<(typeof YES_NO_FILTERS)[number], YesNo>>({
    hasPhone: filter.hasPhone ?? '',
    hasEmail: filter.hasEmail ?? '',
    inHousehold: filter.inHousehold ?? '',
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: PatronFilter = {
      search,
      status: patronStatusSchema.safeParse(status).data,
      language: language === '' ? undefined : language,
      branch: filter.branch,
      patronType: filter.patronType,
    };
    for (const key of YES_NO_FILTERS) next[key] = yesNo[key] === '' ? undefined : yesNo[key];
    onApply({ ...next, offset: 0 });
  };

  const languages =
    LANGUAGES.includes(language) || language === '' ? LANGUAGES : [...LANGUAGES, language];
  return (
    <form
      className="filter"
      role="search"
      aria-label={t('patrons.filter.label')}
      onSubmit={onSubmit}
    >
      <TextField
        id="patron-search"
        className="field--wide"
        label={t('patrons.filter.search')}
        hint={t('patrons.filter.searchHint')}
        type="search"
        value={search}
        onChange={setSearch}
        maxLength={100}
      />
      <SelectField
        id="patron-status"
        label={t('patrons.columns.status')}
        value={status}
        options={[
          { value: '', label: t('patrons.filter.allStatuses') },
          ...patronStatusSchema.options.map((value) => ({
            value,
            label: t(`patrons.status.${value}`),
          })),
        ]}
        onChange={setStatus}
      />
      <SelectField
        id="patron-language"
        label={t('patrons.columns.language')}
        value={language}
        options={[
          { value: '', label: t('patrons.filter.allLanguages') },
          ...languages.map((code) => ({ value: code, label: languageName(code, i18n.language) })),
        ]}
        onChange={setLanguage}
      />
      {YES_NO_FILTERS.map((key) => (
        <SelectField<YesNo>
          key={key}
          id={`patron-${key}`}
          label={t(`patrons.filter.${key}`)}
          value={yesNo[key]}
          options={[
            { value: '', label: t('patrons.filter.either') },
            { value: 'true', label: t('patrons.filter.yes') },
            { value: 'false', label: t('patrons.filter.no') },
          ]}
          onChange={(value) => setYesNo((current) => ({ ...current, [key]: value }))}
        />
      ))}
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('patrons.filter.apply')}
        </Button>
      </div>
    </form>
  );
}
