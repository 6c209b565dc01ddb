import { useTranslation } from 'react-i18next';
import type { Training } from '../../../../shared/schemas/campaigns.js';

/** What a caller studies: talking points, the objection FAQ (each answer behind its question), tips, links. */
export function TrainingView({
  training,
  headingLevel = 3,
}: {
  training: Training;
  headingLevel?: 3 | 4;
}) {
  const { t } = useTranslation();
  const H = headingLevel === 3 ? 'h3' : 'h4';
  const empty =
    training.talkingPoints.length +
      training.faq.length +
      training.tips.length +
      training.links.length ===
    0;
  if (empty) return <p className="muted">{t('training.empty')}</p>;
  return (
    <div className="training">
      {training.talkingPoints.length > 0 ? (
        <>
          <H>{t('builder.training.talkingPoints')}</H>
          <ul>
            {training.talkingPoints.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </>
      ) : null}
      {training.faq.length > 0 ? (
        <>
          <H>{t('builder.training.faq')}</H>
          <ul className="faq">
            {training.faq.map((entry) => (
              <li key={entry.question}>
                <details className="faq__item">
                  <summary>{entry.question}</summary>
                  <p>{entry.answer}</p>
                </details>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {training.tips.length > 0 ? (
        <>
          <H>{t('builder.training.tips')}</H>
          <ul>
            {training.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </>
      ) : null}
      {training.links.length > 0 ? (
        <>
          <H>{t('builder.training.links')}</H>
          <ul>
            {training.links.map((link) => (
              <li key={link.url}>
                <a href={link.url} target="_blank" rel="noreferrer">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
