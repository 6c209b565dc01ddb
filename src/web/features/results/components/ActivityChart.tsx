import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../app/i18n';
import { formatDay, formatDayRange, formatNumber } from '../../../components/charts/format';
import { SeriesChart } from '../../../components/charts/SeriesChart';
import type { Period } from '../api/results';
import { defaultGrain, seriesSpan } from './figures';

type Grain = 'daily' | 'weekly';

/** Calls, patrons spoken to and e-mails sent, per day or per week. */
export function ActivityChart({ stats, period }: { stats: Stats; period: Period }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const [chosen, setChosen] = useState<Grain>();
  const grain = chosen ?? defaultGrain(stats.daily);
  const points = stats[grain];
  const span = seriesSpan(period, stats.daily);
  const day = (date: string) => formatDay(date, ui, 'long');
  return (
    <section className="results-section card" aria-labelledby="results-activity-title">
      <h2 id="results-activity-title">{t('results.activity.title')}</h2>
      <fieldset className="fieldset field activity-grain">
        <legend className="field__label">{t('results.activity.grain')}</legend>
        <div className="activity-grain__choices">
          {(['daily', 'weekly'] as const).map((value) => (
            <div className="radio" key={value}>
              <input
                type="radio"
                id={`activity-grain-${value}`}
                name="activity-grain"
                checked={grain === value}
                onChange={() => setChosen(value)}
              />
              <label htmlFor={`activity-grain-${value}`}>{t(`results.activity.${value}`)}</label>
            </div>
          ))}
        </div>
      </fieldset>
      {points.length === 0 || span === undefined ? (
        <p>{t('results.activity.none')}</p>
      ) : (
        <SeriesChart
          title={
            grain === 'daily' ? t('results.activity.chartDaily') : t('results.activity.chartWeekly')
          }
          range={formatDayRange(span.from, span.to, ui)}
          dateHeading={grain === 'daily' ? t('results.activity.day') : t('results.activity.week')}
          dates={points.map((p) => p.date)}
          series={[
            {
              key: 'calls',
              label: t('results.activity.calls'),
              values: points.map((p) => p.calls),
            },
            {
              key: 'patronsReached',
              label: t('results.activity.patronsReached'),
              values: points.map((p) => p.patronsReached),
            },
            {
              key: 'emailsSent',
              label: t('results.activity.emailsSent'),
              values: points.map((p) => p.emailsSent),
            },
          ]}
          format={(value) => formatNumber(value, ui)}
          axisDate={(date) => formatDay(date, ui, 'short')}
          tableDate={(date) =>
            grain === 'daily'
              ? formatDay(date, ui, 'full')
              : t('results.activity.weekOf', { day: formatDay(date, ui, 'full') })
          }
          when={(date) =>
            grain === 'daily'
              ? t('results.activity.onDay', { day: day(date) })
              : t('results.activity.inWeek', { day: day(date) })
          }
        />
      )}
    </section>
  );
}
