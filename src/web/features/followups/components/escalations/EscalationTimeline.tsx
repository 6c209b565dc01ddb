import { useTranslation } from 'react-i18next';
import type { Escalation } from '../../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../../app/i18n';
import { dateTime, notifiedText } from '../format';

type Action = Escalation['actions'][number];

/** What happened, oldest first: each line says who did what, then their words. */
export function EscalationTimeline({ actions }: { actions: readonly Action[] }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const firstNotice = actions.find((a) => a.kind === 'notified')?.id;
  if (actions.length === 0) return <p className="muted">{t('escalations.timeline.none')}</p>;
  return (
    <ol className="timeline">
      {actions.map((action) => {
        const who = action.author ?? t('escalations.timeline.system');
        const when = dateTime(action.at, ui);
        let headline: string;
        let words = action.text;
        switch (action.kind) {
          case 'notified':
            headline = notifiedText(action.text, action.id !== firstNotice, t);
            words = '';
            break;
          case 'referred':
            headline = t('escalations.timeline.referred', { name: who, service: action.text });
            words = '';
            break;
          case 'acknowledged':
          case 'action':
          case 'closed':
          case 'reopened':
            headline = t(`escalations.timeline.${action.kind}`, { name: who });
            break;
        }
        return (
          <li key={action.id} className="timeline__item">
            <p className="timeline__meta">
              <span className="timeline__what">{headline}</span>{' '}
              <span className="muted">{when}</span>
            </p>
            {words === '' ? null : <p className="timeline__text">{words}</p>}
          </li>
        );
      })}
    </ol>
  );
}
