import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/schemas/patrons.js';
import { count } from './format';

/** The import's outcome in numbers; a dry run says what would happen, in the conditional. */
export function ImportCounts({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => count(value, i18n.language);
  const dry = report.dryRun;
  const items = [
    { key: 'rows', label: t('imports.counts.rows'), value: report.rows },
    {
      key: 'inserted',
      label: dry ? t('imports.counts.wouldInsert') : t('imports.counts.inserted'),
      value: report.inserted,
    },
    {
      key: 'updated',
      label: dry ? t('imports.counts.wouldUpdate') : t('imports.counts.updated'),
      value: report.updated,
    },
    { key: 'unchanged', label: t('imports.counts.unchanged'), value: report.unchanged },
    { key: 'rejected', label: t('imports.counts.rejected'), value: report.rejected },
    { key: 'warnings', label: t('imports.counts.warnings'), value: report.warnings },
  ];
  return (
    <>
      <dl className="counts">
        {items.map((item) => (
          <div key={item.key} className={`counts__item counts__item--${item.key}`}>
            <dt>{item.label}</dt>
            <dd>{n(item.value)}</dd>
          </div>
        ))}
        {report.missing !== null ? (
          <div className="counts__item counts__item--missing">
            <dt>{t('imports.counts.missing')}</dt>
            <dd>
              {n(report.missing)} <span className="counts__note">{t('imports.counts.kept')}</span>
            </dd>
          </div>
        ) : null}
      </dl>
      {report.missing !== null && report.missing > 0 ? (
        <p className="muted">{t('imports.counts.missingHint', { count: report.missing })}</p>
      ) : null}
    </>
  );
}
