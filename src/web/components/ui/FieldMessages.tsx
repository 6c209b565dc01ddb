import { useTranslation } from 'react-i18next';

/** The hint and the error under a label; ids match describedBy(). */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {error}
        </p>
      ) : null}
    </>
  );
}
