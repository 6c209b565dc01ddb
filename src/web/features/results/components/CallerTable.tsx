import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../app/i18n';
import { formatNumber } from '../../../components/charts/format';

type Callers = NonNullable<Stats['callers']>;

/** Each staff member's calls and e-mails over the period (coordinators and admins only). */
export function CallerTable({ callers }: { callers: Callers }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <section className="results-section" aria-labelledby="results-callers-title">
      <h2 id="results-callers-title">{t('results.callers.title')}</h2>
      {callers.length === 0 ? (
        <p>{t('results.callers.none')}</p>
      ) : (
        <>
          <div
            className="table-wrap"
            role="region"
            aria-labelledby="results-callers-caption"
            tabIndex={0}
          >
            <table className="table table--compact">
              <caption id="results-callers-caption" className="visually-hidden">
                {t('results.callers.title')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('results.callers.name')}</th>
                  <th scope="col" className="numeric">
                    {t('results.callers.calls')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('results.callers.patronsReached')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('results.callers.emailsSent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {callers.map((caller) => (
                  <tr key={caller.callerId}>
                    <th scope="row">{caller.name}</th>
                    <td className="numeric">{formatNumber(caller.calls, ui)}</td>
                    <td className="numeric">{formatNumber(caller.patronsReached, ui)}</td>
                    <td className="numeric">{formatNumber(caller.emailsSent, ui)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t('results.callers.note')}</p>
        </>
      )}
    </section>
  );
}
