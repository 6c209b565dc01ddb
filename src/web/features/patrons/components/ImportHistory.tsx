import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Loading } from '../../../components/ui/Alert';
import { errorMessage } from '../../../components/form/errorMessage';
import { useImportHistory } from '../hooks/useImports';
import { count, dateTime } from './format';

/** The latest imports and dry runs, each leading to its report. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const history = useImportHistory();
  const n = (value: number) => count(value, i18n.language);
  return (
    <section aria-labelledby="history-title" className="step">
      <h2 id="history-title">{t('imports.history.title')}</h2>
      {history.isPending ? <Loading label={t('app.loading')} /> : null}
      {history.isError ? <Alert tone="error">{errorMessage(history.error, t)}</Alert> : null}
      {history.data?.items.length === 0 ? <p>{t('imports.history.empty')}</p> : null}
      {history.data && history.data.items.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="history-caption" tabIndex={0}>
          <table className="table table--compact">
            <caption id="history-caption" className="visually-hidden">
              {t('imports.history.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.history.file')}</th>
                <th scope="col">{t('imports.history.started')}</th>
                <th scope="col">{t('imports.history.kind')}</th>
                <th scope="col">{t('imports.history.status')}</th>
                <th scope="col" className="numeric">
                  {t('imports.counts.inserted')}
                </th>
                <th scope="col" className="numeric">
                  {t('imports.counts.updated')}
                </th>
                <th scope="col" className="numeric">
                  {t('imports.counts.rejected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">
                    <Link to={`/patrons/imports/${item.id}`}>{item.fileName}</Link>
                  </th>
                  <td className="nowrap">
                    <time dateTime={item.startedAt}>{dateTime(item.startedAt, i18n.language)}</time>
                  </td>
                  <td>{item.dryRun ? t('imports.history.dryRun') : t('imports.history.import')}</td>
                  <td>{t(`imports.history.statuses.${item.status}`)}</td>
                  <td className="numeric">{n(item.inserted)}</td>
                  <td className="numeric">{n(item.updated)}</td>
                  <td className="numeric">{n(item.rejected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
