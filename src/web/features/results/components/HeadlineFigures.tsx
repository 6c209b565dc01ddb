import { useTranslation } from 'react-i18next';
import type { Figures } from '../../../../shared/schemas/results.js';
import { currentLanguage } from '../../../app/i18n';
import { FigureHelp } from './FigureHelp';
import { FIGURE_GROUPS, figureText } from './figures';

/** The headline figures, by group, each with what it counts. */
export function HeadlineFigures({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <section className="results-section" aria-labelledby="results-figures-title">
      <h2 id="results-figures-title" className="visually-hidden">
        {t('results.report.figures')}
      </h2>
      <div className="figure-groups">
        {FIGURE_GROUPS.map((group) => (
          <section
            key={group.key}
            className="figure-group"
            aria-labelledby={`figure-group-${group.key}`}
          >
            <h3 id={`figure-group-${group.key}`}>{t(`results.groups.${group.key}`)}</h3>
            <dl className="headline-figures">
              {group.figures.map((key) => {
                const text = figureText(key, figures, ui);
                return (
                  <div key={key} className="headline-figure">
                    <dt>{t(`results.figure.${key}.label`)}</dt>
                    <dd className="headline-figure__value">
                      {text ?? (
                        <>
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">
                            {t('results.noRate')}: {t('results.noRateText')}
                          </span>
                        </>
                      )}
                    </dd>
                    <dd className="headline-figure__help">
                      <FigureHelp figure={key} />
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        ))}
      </div>
    </section>
  );
}
