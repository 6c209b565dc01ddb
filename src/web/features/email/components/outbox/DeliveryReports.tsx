import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { useEmailEvents } from '../../hooks/useOutbox';
import { dateTime } from '../format';

const KIND_TONE = {
  hard_bounce: 'badge badge--error',
  soft_bounce: 'badge badge--warning',
  complaint: 'badge badge--error',
  auto_reply: 'badge badge--info',
  unknown: 'badge badge--off',
} as const;

/** Bounce and complaint reports received from the bounce mailbox or the webhook. */
export function DeliveryReports() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const events = useEmailEvents();
  const none = <span className="muted">—</span>;
  return (
    <section className="email-section" aria-labelledby="email-events-title">
      <h2 id="email-events-title">{t('email.events.title')}</h2>
      <p>{t('email.events.lead')}</p>
      {events.isPending ? <Loading label={t('app.loading')} /> : null}
      {events.isError ? <Alert tone="error">{errorMessage(events.error, t)}</Alert> : null}
      {events.data?.length === 0 ? <p>{t('email.events.none')}</p> : null}
      {events.data && events.data.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="events-caption" tabIndex={0}>
          <table className="table table--compact">
            <caption id="events-caption" className="visually-hidden">
              {t('email.events.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('email.events.columns.received')}</th>
                <th scope="col">{t('email.events.columns.kind')}</th>
                <th scope="col">{t('email.events.columns.address')}</th>
                <th scope="col">{t('email.events.columns.status')}</th>
                <th scope="col">{t('email.events.columns.diagnostic')}</th>
                <th scope="col">{t('email.events.columns.source')}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => (
                <tr key={event.id}>
                  <th scope="row" className="nowrap">
                    {dateTime(event.receivedAt, ui)}
                  </th>
                  <td>
                    <span className={KIND_TONE[event.kind]}>
                      {t(`email.eventKind.${event.kind}`)}
                    </span>
                  </td>
                  <td className="email-address">{event.address ?? none}</td>
                  <td className="nowrap">{event.status ?? none}</td>
                  <td className="details">{event.diagnostic ?? none}</td>
                  <td>{t(`email.eventSource.${event.source}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
