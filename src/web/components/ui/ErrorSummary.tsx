import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryItem {
  fieldId: string;
  text: string;
}

export interface ErrorSummaryProps {
  /** Each new value (a failed submit) moves focus here so the list is read out. */
  focusKey: number;
  items: readonly SummaryItem[];
  /** A problem with the whole form rather than one field. */
  formError?: string | undefined;
}

/**
 * Lists what went wrong at the top of a form and takes focus after a failed submit, so the list
 * is read out; each item leads to its field.
 */
export function ErrorSummary({ focusKey, items, formError }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusKey > 0) ref.current?.focus();
  }, [focusKey]);
  if (items.length === 0 && !formError) return null;
  return (
    <div ref={ref} className="error-summary" tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary__title">
        {t('form.summaryTitle')}
      </h2>
      {formError ? <p className="error-summary__text">{formError}</p> : null}
      {items.length > 0 ? (
        <ul className="error-summary__list">
          {items.map((item) => (
            <li key={item.fieldId}>
              <a
                href={`#${item.fieldId}`}
                onClick={(event) => {
                  // Focus the field itself; following the fragment would only scroll to it.
                  event.preventDefault();
                  const field = document.getElementById(item.fieldId);
                  field?.focus();
                  field?.scrollIntoView({ block: 'center' });
                }}
              >
                {item.text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
