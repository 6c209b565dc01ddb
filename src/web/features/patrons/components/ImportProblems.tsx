import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Loading } from '../../../components/ui/Alert';
import { Pager } from '../../../components/ui/Pager';
import { errorMessage } from '../../../components/form/errorMessage';
import { PROBLEMS_PAGE_SIZE, problemsCsvUrl } from '../api/imports';
import { useImportProblems } from '../hooks/useImports';

/** The row-by-row problems of a finished import, a page at a time, and all of them as CSV. */
export function ImportProblems({ id }: { id: number }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const problems = useImportProblems(id, offset);
  return (
    <section aria-labelledby="problems-title" className="report-section">
      <h3 id="problems-title">{t('imports.problems.title')}</h3>
      {problems.isPending ? <Loading label={t('app.loading')} /> : null}
      {problems.isError ? <Alert tone="error">{errorMessage(problems.error, t)}</Alert> : null}
      {problems.data && problems.data.total === 0 ? <p>{t('imports.problems.none')}</p> : null}
      {problems.data && problems.data.total > 0 ? (
        <>
          <p>
            <a className="button button--secondary" href={problemsCsvUrl(id)} download>
              {t('imports.problems.download')}
            </a>
          </p>
          <div className="table-wrap" role="region" aria-labelledby="problems-caption" tabIndex={0}>
            <table className="table table--compact">
              <caption id="problems-caption" className="visually-hidden">
                {t('imports.problems.caption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('imports.problems.row')}</th>
                  <th scope="col">{t('imports.problems.column')}</th>
                  <th scope="col">{t('imports.problems.value')}</th>
                  <th scope="col">{t('imports.problems.kind')}</th>
                  <th scope="col">{t('imports.problems.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {problems.data.items.map((problem, index) => (
                  <tr key={`${problem.row}-${index}`}>
                    <th scope="row">
                      {problem.row === 0 ? t('imports.problems.file') : problem.row}
                    </th>
                    <td>{problem.column ? <code>{problem.column}</code> : null}</td>
                    <td className="details">{problem.value}</td>
                    <td>
                      <span className={`badge badge--${problem.severity}`}>
                        {t(`imports.severity.${problem.severity}`)}
                      </span>
                    </td>
                    <td>{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {problems.data.total > PROBLEMS_PAGE_SIZE ? (
            <Pager
              label={t('imports.problems.pages')}
              offset={offset}
              limit={PROBLEMS_PAGE_SIZE}
              total={problems.data.total}
              shown={problems.data.items.length}
              onChange={setOffset}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
