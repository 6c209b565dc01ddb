import { useTranslation } from 'react-i18next';
import type { CallCard } from '../../../../shared/schemas/calls.js';
import { dateTime } from './format';

/** Earlier attempts, newest first as the server sends them, with the notes staff may share. */
export function CallHistory({ history }: { history: CallCard['history'] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="history">
      <h3>{t('calling.history.title')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('calling.history.none')}</p>
      ) : (
        <ol className="history__list">
          {history.map((item, index) => (
            <li key={`${item.at}-${index}`} className="history__item">
              <p className="history__what">
                <strong>{t(`calling.outcome.${item.outcome}`)}</strong>
                {' · '}
                {item.patronName}
              </p>
              <p className="muted">
                {t('calling.history.by', {
                  when: dateTime(item.at, i18n.language),
                  caller: item.caller,
                  campaign: item.campaign,
                })}
              </p>
              {item.note ? <p className="history__note">{item.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
