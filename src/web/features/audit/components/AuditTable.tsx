import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/audit';

/** Details as compact text; entries are written by the server, shown as text, never as markup. */
function detailsText(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details === 'object' && Object.keys(details).length === 0) return '';
  return JSON.stringify(details);
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language === 'fr' ? 'fr-CA' : 'en-CA', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  });
  return (
    <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
      <table className="table table--compact">
        <caption id="audit-caption" className="visually-hidden">
          {t('audit.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columns.at')}</th>
            <th scope="col">{t('audit.columns.actor')}</th>
            <th scope="col">{t('audit.columns.action')}</th>
            <th scope="col">{t('audit.columns.object')}</th>
            <th scope="col">{t('audit.columns.details')}</th>
            <th scope="col">{t('audit.columns.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className="nowrap">
                <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
              </td>
              <td>{entry.actor}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td className="nowrap">
                {entry.objectType}
                {entry.objectId === null ? '' : ` #${entry.objectId}`}
              </td>
              <td className="details">{detailsText(entry.details)}</td>
              <td className="nowrap">{entry.ip ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
