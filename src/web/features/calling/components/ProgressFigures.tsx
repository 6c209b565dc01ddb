import { useTranslation } from 'react-i18next';
import type { CampaignProgress } from '../../../../shared/schemas/calls.js';
import { count } from './format';

const FIGURES = [
  'done',
  'inProgress',
  'waiting',
  'later',
  'callbacksDue',
  'markedForEmail',
] as const;

/** Segments of the bar, in order; the figures list says the same in words. */
const SEGMENTS = ['done', 'inProgress', 'waiting', 'later'] as const;

/** Where each segment starts and how wide it is, in percent of the whole. */
function segmentsOf(progress: CampaignProgress, total: number) {
  const segments: { name: (typeof SEGMENTS)[number]; x: number; width: number }[] = [];
  let x = 0;
  for (const name of SEGMENTS) {
    const width = Math.min(100 - x, (progress[name] / total) * 100);
    segments.push({ name, x, width });
    x += width;
  }
  return segments;
}

/**
 * The figures, and a bar drawn in SVG: its widths are attributes, not inline styles, which the
 * Content Security Policy forbids.
 */
export function ProgressFigures({ progress }: { progress: CampaignProgress }) {
  const { t, i18n } = useTranslation();
  const total = Math.max(progress.total, 1);
  const segments = segmentsOf(progress, total);
  const percent = Math.round((progress.done / total) * 100);
  return (
    <section aria-labelledby="progress-figures-title" className="progress-figures">
      <h2 id="progress-figures-title">{t('progress.figures')}</h2>
      <p className="progress-figures__total">
        {t('progress.doneOfTotal', {
          done: count(progress.done, i18n.language),
          total: count(progress.total, i18n.language),
          percent,
        })}
      </p>
      <svg
        className="progress-bar"
        viewBox="0 0 100 6"
        preserveAspectRatio="none"
        role="img"
        aria-label={t('progress.barLabel', { percent })}
      >
        <rect className="progress-bar__track" x="0" y="0" width="100" height="6" />
        {segments.map((s) =>
          s.width > 0 ? (
            <rect
              key={s.name}
              className={`progress-bar__segment progress-bar__segment--${s.name}`}
              x={s.x}
              y="0"
              width={s.width}
              height="6"
            />
          ) : null,
        )}
      </svg>
      <dl className="figures">
        {FIGURES.map((name) => (
          <div key={name} className={`figure figure--${name}`}>
            <dt>{t(`progress.figure.${name}`)}</dt>
            <dd>{count(progress[name], i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
