import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScriptProblem } from '../../api/campaigns';

export interface ProblemTarget {
  id: string;
  language: string;
}

export interface ScriptProblemsProps {
  focusKey: number;
  problems: readonly ScriptProblem[];
  targetOf: (problem: ScriptProblem) => ProblemTarget | null;
  onGo: (target: ProblemTarget) => void;
}

/**
 * What Check found, each problem linked to its step. Takes focus after each check so the result
 * (problems, or none) is read out.
 */
export function ScriptProblems({ focusKey, problems, targetOf, onGo }: ScriptProblemsProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [focusKey]);
  if (problems.length === 0) {
    return (
      <div ref={ref} tabIndex={-1} className="alert alert--success" role="status">
        {t('editor.noProblems')}
      </div>
    );
  }
  return (
    <div
      ref={ref}
      tabIndex={-1}
      className="error-summary"
      role="alert"
      aria-labelledby="script-problems-title"
    >
      <h4 id="script-problems-title" className="error-summary__title">
        {t('editor.problems', { count: problems.length })}
      </h4>
      <ul className="error-summary__list">
        {problems.map((problem, index) => {
          const target = targetOf(problem);
          return (
            <li key={`${problem.stepId ?? ''}-${index}`} lang="en">
              {target ? (
                <a
                  href={`#${target.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onGo(target);
                  }}
                >
                  {problem.message}
                </a>
              ) : (
                problem.message
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
