import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATES, type OutboxMessage } from '../../../../../shared/schemas/email.js';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { FocusedAlert } from '../../../../components/ui/FocusedAlert';
import type { OutboxFilter } from '../../api/outbox';
import { useCancelEmail, useOutbox } from '../../hooks/useOutbox';
import { formatCount } from '../format';
import { refusalText } from '../refusal';
import { OutboxTable } from './OutboxTable';

export interface MessageListProps {
  filter: OutboxFilter;
  caption: string;
  withoutPatron?: boolean;
}

/** Messages matching the filter, newest first, fifty at a time, with the counts by state. */
export function MessageList({ filter, caption, withoutPatron }: MessageListProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const outbox = useOutbox(filter);
  const cancel = useCancelEmail();
  const [asking, setAsking] = useState<OutboxMessage | null>(null);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  if (outbox.isPending) return <Loading label={t('app.loading')} />;
  if (outbox.isError) return <Alert tone="error">{errorMessage(outbox.error, t)}</Alert>;
  const messages = outbox.data.pages.flatMap((page) => page.items);
  const counts = outbox.data.pages[0]?.counts;
  const total = counts ? OUTBOX_STATES.reduce((sum, s) => sum + counts[s], 0) : messages.length;
  return (
    <>
      {counts ? (
        <ul className="email-counts" aria-label={t('email.outbox.countsLabel')}>
          {OUTBOX_STATES.map((state) => (
            <li key={state}>
              <span className="email-counts__label">{t(`email.state.${state}`)}</span>{' '}
              <span className="email-counts__value">{formatCount(counts[state], ui)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className="results__count">
        {t('email.outbox.shown', {
          count: messages.length,
          shown: formatCount(messages.length, ui),
          total: formatCount(total, ui),
        })}
      </p>
      {failure ? (
        <FocusedAlert focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
      <StatusMessage message={message} />
      {messages.length === 0 ? <p>{t('email.outbox.none')}</p> : null}
      {messages.length > 0 ? (
        <OutboxTable
          messages={messages}
          caption={caption}
          withoutPatron={withoutPatron}
          onCancel={setAsking}
        />
      ) : null}
      {outbox.hasNextPage ? (
        <p>
          <Button
            variant="secondary"
            busy={outbox.isFetchingNextPage}
            onClick={() => void outbox.fetchNextPage()}
          >
            {outbox.isFetchingNextPage ? t('app.loading') : t('email.outbox.more')}
          </Button>
        </p>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        title={t('email.outbox.confirmCancel', { address: asking?.toAddress ?? '' })}
        confirmLabel={t('email.outbox.cancel')}
        tone="danger"
        busy={cancel.isPending}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (!asking) return;
          const address = asking.toAddress;
          cancel.mutate(asking.id, {
            onSuccess: () => {
              setAsking(null);
              setMessage(t('email.outbox.cancelled', { address }));
            },
            onError: (error) => {
              setAsking(null);
              setFailure((f) => ({ text: refusalText(error, t), key: (f?.key ?? 0) + 1 }));
            },
          });
        }}
      >
        <p>{asking?.subject}</p>
        <p>{t('email.outbox.confirmCancelText')}</p>
      </ConfirmDialog>
    </>
  );
}
