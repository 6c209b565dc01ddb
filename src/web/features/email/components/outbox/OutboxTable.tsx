import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OutboxMessage } from '../../../../../shared/schemas/email.js';
import { currentLanguage } from '../../../../app/i18n';
import { Button } from '../../../../components/ui/Button';
import { STATE_TONE, dateTime, shortDateTime } from '../format';

export interface OutboxTableProps {
  messages: readonly OutboxMessage[];
  caption: string;
  /** Leave out the patron column (on a patron's own list). */
  withoutPatron?: boolean;
  onCancel: (message: OutboxMessage) => void;
}

/** Messages with where they stand; a queued one can still be withdrawn. */
export function OutboxTable({
  messages,
  caption,
  withoutPatron = false,
  onCancel,
}: OutboxTableProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const none = <span className="muted">—</span>;
  return (
    <div className="table-wrap" role="region" aria-labelledby="outbox-caption" tabIndex={0}>
      <table className="table table--compact outbox-table">
        <caption id="outbox-caption" className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('email.outbox.columns.to')}</th>
            <th scope="col">{t('email.outbox.columns.subject')}</th>
            <th scope="col">{t('email.outbox.columns.campaign')}</th>
            {withoutPatron ? null : <th scope="col">{t('email.outbox.columns.patron')}</th>}
            <th scope="col">{t('email.outbox.columns.state')}</th>
            <th scope="col" className="numeric">
              {t('email.outbox.columns.tries')}
            </th>
            <th scope="col">{t('email.outbox.columns.lastError')}</th>
            <th scope="col">{t('email.outbox.columns.created')}</th>
            <th scope="col">{t('email.outbox.columns.sent')}</th>
            <th scope="col">{t('email.outbox.columns.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id}>
              <th scope="row" className="email-address">
                {message.toAddress}
              </th>
              <td className="outbox-table__subject">
                {message.subject}
                <span className="cell-note">
                  {t(`email.kind.${message.kind}`)}
                  {message.templateName ? ` · ${message.templateName}` : ''}
                </span>
              </td>
              <td>
                {message.campaignId !== null ? (
                  <Link to={`/campaigns/${message.campaignId}`}>
                    {message.campaignName ?? message.campaignId}
                  </Link>
                ) : (
                  none
                )}
              </td>
              {withoutPatron ? null : (
                <td>
                  {message.patronId !== null ? (
                    <Link
                      to={`/patrons/${message.patronId}/emails`}
                      state={{ patronName: message.patronName }}
                    >
                      {message.patronName ?? t('email.patron.number', { id: message.patronId })}
                    </Link>
                  ) : (
                    none
                  )}
                </td>
              )}
              <td>
                <span className={STATE_TONE[message.state]}>
                  {t(`email.state.${message.state}`)}
                </span>
                {message.state === 'queued' && message.nextTryAt ? (
                  <span className="cell-note">
                    {t('email.outbox.nextTry', { when: dateTime(message.nextTryAt, ui) })}
                  </span>
                ) : null}
              </td>
              <td className="numeric">{message.tries}</td>
              <td className="details">{message.lastError ?? none}</td>
              <td>{shortDateTime(message.createdAt, ui)}</td>
              <td>{message.sentAt ? shortDateTime(message.sentAt, ui) : none}</td>
              <td>
                {message.state === 'queued' ? (
                  <Button variant="secondary" onClick={() => onCancel(message)}>
                    {t('email.outbox.cancel')}
                    <span className="visually-hidden">
                      {' '}
                      {t('email.outbox.cancelTo', { address: message.toAddress })}
                    </span>
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
