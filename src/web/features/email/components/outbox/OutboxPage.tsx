import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useOutboxFilter } from '../../hooks/useOutboxFilter';
import { MailModeNotice } from '../MailModeNotice';
import { DeliveryReports } from './DeliveryReports';
import { MessageList } from './MessageList';
import { OutboxFilterForm } from './OutboxFilterForm';
import { Suppressions } from './Suppressions';
import '../../../../styles/email.css';

/** Every e-mail the library sent or will send, what came back, and the addresses left alone. */
export function OutboxPage() {
  const { t } = useTranslation();
  const { filter, setFilter } = useOutboxFilter();
  const filterKey = `${filter.state ?? ''}|${filter.campaignId ?? ''}`;
  return (
    <>
      <PageHeading title={t('email.outbox.title')} lead={<p>{t('email.outbox.lead')}</p>} />
      <MailModeNotice />
      <section className="email-section" aria-labelledby="email-messages-title">
        <h2 id="email-messages-title">{t('email.outbox.messages')}</h2>
        <OutboxFilterForm key={`filter-${filterKey}`} filter={filter} onApply={setFilter} />
        <MessageList
          key={`list-${filterKey}`}
          filter={filter}
          caption={t('email.outbox.messages')}
        />
      </section>
      <DeliveryReports />
      <Suppressions />
    </>
  );
}
