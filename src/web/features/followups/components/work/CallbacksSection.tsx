import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { useMyCallbacks } from '../../hooks/useWork';
import { dateTime } from '../format';

/**
 * The callbacks booked for me — those I promised and my recurring friendly calls — soonest first.
 * They come to me first on the calling page once due.
 */
export function CallbacksSection() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const list = useMyCallbacks();
  const rows = list.data ?? [];
  return (
    <section className="work-section" aria-labelledby="callbacks-title">
      <h2 id="callbacks-title">{t('work.callbacks.title')}</h2>
      <p className="muted">
        {t('work.callbacks.lead')} <Link to="/calling">{t('work.recurring.callingLink')}</Link>
      </p>
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {list.data ? (
        <>
          <p className="results__count">
            {t('work.callbacks.count', {
              count: rows.length,
              due: rows.filter((r) => r.due).length,
            })}
          </p>
          {rows.length > 0 ? (
            <div
              className="table-wrap"
              role="region"
              aria-labelledby="callbacks-caption"
              tabIndex={0}
            >
              <table className="table table--compact">
                <caption id="callbacks-caption" className="visually-hidden">
                  {t('work.callbacks.title')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('work.recurring.patron')}</th>
                    <th scope="col">{t('work.recurring.campaign')}</th>
                    <th scope="col">{t('work.callbacks.at')}</th>
                    <th scope="col">{t('work.callbacks.kind')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.callListId}>
                      <th scope="row">{r.patronName}</th>
                      <td>{r.campaignName}</td>
                      <td>
                        <span className="nowrap">{dateTime(r.at, ui)}</span>
                        {r.due ? (
                          <>
                            {' '}
                            <span className="badge badge--warning">{t('work.recurring.due')}</span>
                          </>
                        ) : null}
                      </td>
                      <td>
                        {r.recurring ? t('work.callbacks.recurring') : t('work.callbacks.promised')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
