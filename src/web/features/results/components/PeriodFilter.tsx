import { useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/Button';
import { TextField } from '../../../components/ui/TextField';
import type { Period } from '../api/results';
import { dayOf } from '../hooks/usePeriod';

export interface PeriodFilterProps {
  /** Prefix of the fields' ids. */
  id: string;
  period: Period;
  onApply: (period: Period) => void;
  /** Server refusal of the period, shown on the last day. */
  error?: string | undefined;
  /** Other choices applied with the days (the report's campaign), before them. */
  children?: ReactNode;
}

/** The days the figures cover: a first and a last day, either left open. */
export function PeriodFilter({ id, period, onApply, error, children }: PeriodFilterProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(period.from ?? '');
  const [to, setTo] = useState(period.to ?? '');
  const [problem, setProblem] = useState<string>();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next = { from: dayOf(from), to: dayOf(to) };
    if (next.from && next.to && next.from > next.to) {
      setProblem(t('results.period.toBeforeFrom'));
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    setProblem(undefined);
    onApply(next);
  };
  const showAll = () => {
    setFrom('');
    setTo('');
    setProblem(undefined);
    onApply({});
  };
  return (
    <form
      className="filter period-filter"
      role="search"
      aria-label={t('results.period.label')}
      noValidate
      onSubmit={onSubmit}
    >
      {children}
      <TextField
        id={`${id}-from`}
        label={t('results.period.from')}
        type="date"
        value={from}
        max={to || undefined}
        onChange={setFrom}
      />
      <TextField
        id={`${id}-to`}
        label={t('results.period.to')}
        type="date"
        value={to}
        min={from || undefined}
        onChange={setTo}
        error={problem ?? error}
      />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('results.period.apply')}
        </Button>
        {period.from || period.to ? (
          <Button variant="quiet" onClick={showAll}>
            {t('results.period.all')}
          </Button>
        ) : null}
      </div>
      <p className="field__hint period-filter__hint">{t('results.period.hint')}</p>
    </form>
  );
}
