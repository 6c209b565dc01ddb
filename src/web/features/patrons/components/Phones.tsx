import { useTranslation } from 'react-i18next';
import type { PhoneNumber } from '../api/types';
import { readablePhone } from './format';

/**
 * A patron's phone numbers: kind, number grouped for reading, extension. A number that could not
 * be understood is shown as written in the file, flagged, never hidden.
 */
export function Phones({ phones }: { phones: readonly PhoneNumber[] }) {
  const { t } = useTranslation();
  if (phones.length === 0) return <span className="muted">{t('patrons.none')}</span>;
  return (
    <ul className="plain-list">
      {phones.map((phone, index) => (
        <li key={`${phone.kind}-${index}`} className="nowrap">
          <span className="muted">{t(`phone.kind.${phone.kind}`)} </span>
          {phone.valid && phone.e164 !== null ? (
            readablePhone(phone.e164)
          ) : (
            <>
              <span className="badge badge--warn">{t('phone.invalid')}</span> {phone.raw}
            </>
          )}
          {phone.extension ? ` ${t('phone.extension', { extension: phone.extension })}` : null}
        </li>
      ))}
    </ul>
  );
}

export function Emails({ emails }: { emails: readonly string[] }) {
  const { t } = useTranslation();
  if (emails.length === 0) return <span className="muted">{t('patrons.none')}</span>;
  return (
    <ul className="plain-list">
      {emails.map((email) => (
        <li key={email}>{email}</li>
      ))}
    </ul>
  );
}
