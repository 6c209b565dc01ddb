import { useTranslation } from 'react-i18next';
import type { FigureKey } from '../../../../shared/schemas/results.js';

/** What a figure counts and what it does not, behind a "What counts" disclosure. */
export function FigureHelp({ figure }: { figure: FigureKey }) {
  const { t } = useTranslation();
  return (
    <details className="figure-help">
      <summary>
        {t('results.whatCounts')}
        <span className="visually-hidden">: {t(`results.figure.${figure}.label`)}</span>
      </summary>
      <p>{t(`results.figure.${figure}.counts`)}</p>
      <p>{t('results.notCounted', { text: t(`results.figure.${figure}.excludes`) })}</p>
    </details>
  );
}

/** The definitions of several figures (a chart's bars), as one list behind "What counts". */
export function FigureDefinitions({ figures }: { figures: readonly FigureKey[] }) {
  const { t } = useTranslation();
  return (
    <details className="figure-help">
      <summary>{t('results.whatCounts')}</summary>
      <dl className="figure-definitions">
        {figures.map((figure) => (
          <div key={figure}>
            <dt>{t(`results.figure.${figure}.label`)}</dt>
            <dd>
              {t(`results.figure.${figure}.counts`)}{' '}
              {t('results.notCounted', { text: t(`results.figure.${figure}.excludes`) })}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
