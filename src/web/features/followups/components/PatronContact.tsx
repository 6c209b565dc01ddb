import { useTranslation } from 'react-i18next';
import type { Task } from '../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/session';
import { patronCallHref, readablePhone, splitExtension } from './format';

type FollowUpPatron = Task['patron'];

function languageName(code: string, ui: string): string {
  try {
    const name = new Intl.DisplayNames([ui === 'fr' ? 'fr-CA' : 'en-CA'], { type: 'language' }).of(
      code,
    );
    return name ?? code;
  } catch {
    return code;
  }
}

/**
 * Who the patron is and how to reach them, as the owner of a follow-up needs: numbers that dial
 * with the staff member's own softphone, and masked addresses (the e-mail goes to one by index).
 */
export function PatronContact({
  patron,
  headingId,
}: {
  patron: FollowUpPatron;
  headingId: string;
}) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const user = useCurrentUser();
  return (
    <section className="card followup-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('work.patron.title')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('work.patron.name')}</dt>
          <dd>{patron.name}</dd>
        </div>
        {patron.language ? (
          <div>
            <dt>{t('work.patron.language')}</dt>
            <dd>{languageName(patron.language, ui)}</dd>
          </div>
        ) : null}
      </dl>
      {patron.doNotCall ? (
        <p className="alert alert--info">
          <strong>{t('work.patron.doNotCall')}</strong>
        </p>
      ) : null}
      <h3>{t('work.patron.phones')}</h3>
      {patron.phones.length === 0 ? (
        <p className="muted">{t('work.patron.noPhone')}</p>
      ) : (
        <ul className="plain-list">
          {patron.phones.map((phone) => {
            const { number, extension } = splitExtension(phone);
            const readable = readablePhone(number);
            return (
              <li key={phone} className="nowrap">
                {patron.doNotCall ? (
                  readable
                ) : (
                  <a href={patronCallHref(user.callScheme, phone)}>
                    <span className="visually-hidden">
                      {t('work.patron.call', { name: patron.name })}{' '}
                    </span>
                    {readable}
                  </a>
                )}
                {extension ? ` ${t('phone.extension', { extension })}` : null}
              </li>
            );
          })}
        </ul>
      )}
      <h3>{t('work.patron.emails')}</h3>
      {patron.emails.length === 0 ? (
        <p className="muted">{t('work.patron.noEmail')}</p>
      ) : (
        <ul className="plain-list">
          {patron.emails.map((email, index) => (
            <li key={`${email}-${index}`}>{email}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
