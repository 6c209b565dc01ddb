import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../app/i18n';
import { formatDateTime, formatDay, formatDayRange } from '../../../components/charts/format';
import { periodShape } from './figures';

/** Which days the figures cover, in which time zone, and when they were worked out. */
export function PeriodText({ scope }: { scope: Stats['scope'] }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const period = { from: scope.from ?? undefined, to: scope.to ?? undefined };
  const day = (value: string | undefined) => (value ? formatDay(value, ui, 'full') : '');
  const time = formatDateTime(scope.generatedAt, ui);
  return (
    <p className="results-period">
      <strong>
        {t(`results.period.shown.${periodShape(period)}`, {
          from: day(period.from),
          to: day(period.to),
          range: period.from && period.to ? formatDayRange(period.from, period.to, ui) : '',
        })}
      </strong>{' '}
      {t('results.period.context', { time, timeZone: scope.timeZone })}
    </p>
  );
}
