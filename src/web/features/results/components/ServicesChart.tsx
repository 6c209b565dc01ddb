import { useTranslation } from 'react-i18next';
import type { Stats } from '../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../app/i18n';
import { BarChart } from '../../../components/charts/BarChart';
import { formatNumber } from '../../../components/charts/format';

/** Services patrons were told about on calls, and those they wanted help with. */
export function ServicesChart({ services }: { services: Stats['services'] }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <section className="results-section card" aria-labelledby="results-services-title">
      <h2 id="results-services-title">{t('results.services.title')}</h2>
      {services.length === 0 ? (
        <p>{t('results.services.none')}</p>
      ) : (
        <>
          <p className="muted">{t('results.services.note')}</p>
          <BarChart
            title={t('results.services.chart')}
            categoryHeading={t('results.services.heading')}
            categories={services.map((s) => ({ key: s.key, label: s.name }))}
            series={[
              {
                key: 'toldAbout',
                label: t('results.services.toldAbout'),
                values: services.map((s) => s.toldAbout),
              },
              {
                key: 'wanted',
                label: t('results.services.wanted'),
                values: services.map((s) => s.wanted),
              },
            ]}
            format={(value) => formatNumber(value, ui)}
          />
        </>
      )}
    </section>
  );
}
