import { useTranslation } from 'react-i18next';
import { EXPORT_RESULT_FORMATS } from '../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../app/i18n';
import { exportUrl, type Period } from '../api/results';

/** The campaign's results as a spreadsheet, for the days shown: plain links that download. */
export function ExportLinks({ campaignId, period }: { campaignId: number; period: Period }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <section className="results-export" aria-labelledby="results-export-title">
      <h2 id="results-export-title">{t('results.export.title')}</h2>
      <p className="muted">{t('results.export.lead')}</p>
      <ul className="plain-list results-export__links">
        {EXPORT_RESULT_FORMATS.map((format) => (
          <li key={format}>
            <a
              className="button button--secondary"
              href={exportUrl(campaignId, format, period, ui)}
              download
            >
              {t(`results.export.${format}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
