import { useTranslation } from 'react-i18next';
import type { ImportProblem } from '../api/types';

/** A row's problems, each with its column and value; errors (row refused) are marked as such. */
export function ProblemList({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return <span className="muted">{t('imports.preview.ok')}</span>;
  return (
    <ul className="plain-list problem-list">
      {problems.map((problem, index) => (
        <li key={index}>
          <span className={`badge badge--${problem.severity}`}>
            {t(`imports.severity.${problem.severity}`)}
          </span>{' '}
          {problem.column ? <code>{problem.column}</code> : null}
          {problem.column ? ': ' : null}
          {problem.reason}
        </li>
      ))}
    </ul>
  );
}
