import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/schemas/patrons.js';
import { Alert, Loading } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { errorMessage } from '../../../components/form/errorMessage';
import { useImportReport } from '../hooks/useImports';
import { ImportCounts } from './ImportCounts';
import { ImportProblems } from './ImportProblems';
import { count, dateTime } from './format';

/** The sentence announced when an import starts or ends (not on every progress tick). */
function statusText(report: ImportReport, t: TFunction): string {
  const kind = report.dryRun ? 'dryRun' : 'import';
  switch (report.status) {
    case 'running':
      return t(`imports.run.running.${kind}`);
    case 'completed':
      return t(`imports.run.completed.${kind}`, {
        inserted: report.inserted,
        updated: report.updated,
        rejected: report.rejected,
      });
    case 'failed':
      return t('imports.run.failed');
    case 'interrupted':
      return t('imports.run.interrupted');
  }
}

function Progress({ report }: { report: ImportReport }) {
  const { t, i18n } = useTranslation();
  const rows = count(report.rows, i18n.language);
  const known = report.estimatedRows !== null && report.estimatedRows > 0;
  return (
    <div className="progress">
      <label htmlFor={`import-progress-${report.id}`} className="field__label">
        {t('imports.run.progress')}
      </label>
      {known ? (
        <progress
          id={`import-progress-${report.id}`}
          value={Math.min(report.rows, report.estimatedRows ?? 0)}
          max={report.estimatedRows ?? undefined}
        />
      ) : (
        <progress id={`import-progress-${report.id}`} />
      )}
      <p className="muted">
        {known
          ? t('imports.run.rowsOf', {
              rows,
              total: count(report.estimatedRows ?? 0, i18n.language),
            })
          : t('imports.run.rows', { rows })}
      </p>
    </div>
  );
}

export interface ImportRunProps {
  id: number;
  /** Offered after a dry run, when the file is still at hand. */
  onImportForReal?: (() => void) | undefined;
}

/** Progress while an import runs, then its report: counts and the problems row by row. */
export function ImportRun({ id, onImportForReal }: ImportRunProps) {
  const { t, i18n } = useTranslation();
  const query = useImportReport(id);
  const report = query.data;
  return (
    <>
      <p role="status" aria-live="polite" className="run-status">
        {report ? statusText(report, t) : ''}
      </p>
      {query.isPending ? <Loading label={t('app.loading')} /> : null}
      {query.isError ? <Alert tone="error">{errorMessage(query.error, t)}</Alert> : null}
      {report ? (
        <>
          <p className="muted">
            {t('imports.run.about', {
              file: report.fileName,
              when: dateTime(report.startedAt, i18n.language),
            })}
          </p>
          {report.status === 'running' ? <Progress report={report} /> : null}
          {report.status === 'failed' || report.status === 'interrupted' ? (
            <Alert tone="error" title={statusText(report, t)}>
              {report.error ? <p>{report.error}</p> : null}
            </Alert>
          ) : null}
          {report.status !== 'running' ? (
            <>
              <ImportCounts report={report} />
              {report.dryRun && report.status === 'completed' && onImportForReal ? (
                <div className="next">
                  <p>{t('imports.run.afterDryRun')}</p>
                  <Button onClick={onImportForReal}>{t('imports.run.importForReal')}</Button>
                </div>
              ) : null}
              <ImportProblems id={report.id} />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
