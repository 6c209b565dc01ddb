import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../app/i18n';
import { BarChart } from '../../../components/charts/BarChart';
import { formatNumber } from '../../../components/charts/format';
import { FigureDefinitions } from './FigureHelp';
import { OUTCOME_FIGURE_KEYS } from './figures';

/** How phone attempts ended, outcome by outcome. */
export function OutcomeChart({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <section className="results-section card" aria-labelledby="results-outcomes-title">
      <h2 id="results-outcomes-title">{t('results.outcomes.title')}</h2>
      <p className="muted">{t('results.outcomes.note')}</p>
      <BarChart
        title={t('results.outcomes.chart')}
        categoryHeading={t('results.outcomes.heading')}
        categories={OUTCOME_FIGURE_KEYS.map((key) => ({
          key,
          label: t(`results.figure.${key}.label`),
        }))}
        series={[
          {
            key: 'attempts',
            label: t('results.outcomes.series'),
            values: OUTCOME_FIGURE_KEYS.map((key) => figures[key]),
          },
        ]}
        format={(value) => formatNumber(value, ui)}
      />
      <FigureDefinitions figures={OUTCOME_FIGURE_KEYS} />
    </section>
  );
}
