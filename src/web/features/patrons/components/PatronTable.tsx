import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Patron } from '../../../../shared/schemas/patrons.js';
import { Emails, Phones } from './Phones';
import { languageName } from './format';

function ContactFlags({ patron }: { patron: Patron }) {
  const { t } = useTranslation();
  const flags = [
    patron.householdId !== null ? { key: 'household', tone: 'info' } : undefined,
    patron.doNotCall ? { key: 'doNotCall', tone: 'warning' } : undefined,
    patron.doNotEmail ? { key: 'doNotEmail', tone: 'warning' } : undefined,
    patron.deceased ? { key: 'deceased', tone: 'off' } : undefined,
  ].filter((flag) => flag !== undefined);
  if (flags.length === 0) return null;
  return (
    <ul className="plain-list flags">
      {flags.map((flag) => (
        <li key={flag.key}>
          <span className={`badge badge--${flag.tone}`}>
            {t(
              `patrons.flags.${flag.key as 'household' | 'doNotCall' | 'doNotEmail' | 'deceased'}`,
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Whether promotional e-mail may go to the patron (TRUST CA-3): a short marker, said in full. */
function EmailConsentMark({ patron }: { patron: Patron }) {
  const { t } = useTranslation();
  if (patron.emailConsent === null || patron.emails.length === 0) return null;
  return (
    <span className="badge badge--on consent-mark">
      {t(`patrons.consent.${patron.emailConsent}`)}
      <span className="visually-hidden"> {t('patrons.consent.what')}</span>
    </span>
  );
}

/** Patrons by name with how to reach them; what must not be done (do not call…) stands out. */
export function PatronTable({ patrons }: { patrons: readonly Patron[] }) {
  const { t, i18n } = useTranslation();
  const none = <span className="muted">{t('patrons.none')}</span>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="patrons-caption" tabIndex={0}>
      <table className="table table--compact">
        <caption id="patrons-caption" className="visually-hidden">
          {t('patrons.table.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('patrons.columns.name')}</th>
            <th scope="col">{t('patrons.columns.cardNumber')}</th>
            <th scope="col">{t('patrons.columns.ageBand')}</th>
            <th scope="col">{t('patrons.columns.language')}</th>
            <th scope="col">{t('patrons.columns.branch')}</th>
            <th scope="col">{t('patrons.columns.status')}</th>
            <th scope="col">{t('patrons.columns.phones')}</th>
            <th scope="col">{t('patrons.columns.emails')}</th>
          </tr>
        </thead>
        <tbody>
          {patrons.map((patron) => (
            <tr key={patron.id}>
              <th scope="row">
                {patron.lastName}, {patron.firstName}
                {patron.preferredName ? (
                  <span className="cell-note">
                    {t('patrons.goesBy', { name: patron.preferredName })}
                  </span>
                ) : null}
                <ContactFlags patron={patron} />
              </th>
              <td className="nowrap">{patron.cardNumber}</td>
              <td className="nowrap">{patron.ageBand ?? none}</td>
              <td>{patron.language ? languageName(patron.language, i18n.language) : none}</td>
              <td>{patron.branch ?? none}</td>
              <td>{t(`patrons.status.${patron.status}`)}</td>
              <td>
                <Phones phones={patron.phones} />
              </td>
              <td>
                <Emails emails={patron.emails} />
                <EmailConsentMark patron={patron} />
                {patron.emails.length > 0 ? (
                  <Link
                    className="cell-link"
                    to={`/patrons/${patron.id}/emails`}
                    state={{
                      patronName: `${patron.firstName} ${patron.lastName}`,
                      emailConsent: patron.emailConsent,
                    }}
                  >
                    {t('patrons.emailHistory')}
                    <span className="visually-hidden">
                      {' '}
                      {t('patrons.emailHistoryOf', {
                        name: `${patron.firstName} ${patron.lastName}`,
                      })}
                    </span>
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
