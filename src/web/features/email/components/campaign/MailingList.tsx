import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATES, type Mailing } from '../../../../../shared/schemas/email.js';
import { currentLanguage } from '../../../../app/i18n';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { FocusedAlert } from '../../../../components/ui/FocusedAlert';
import type { MailingAction } from '../../api/mailings';
import { useMailingAction } from '../../hooks/useMailings';
import { MAILING_TONE, dateTime, formatCount } from '../format';
import { refusalText } from '../refusal';

const ACTIONS: Record<Mailing['status'], readonly MailingAction[]> = {
  sending: ['pause', 'cancel'],
  paused: ['resume', 'cancel'],
  done: [],
  cancelled: [],
};

/** The campaign's mailings, newest first, with their delivery counts and controls. */
export function MailingList({ campaignId, mailings }: { campaignId: number; mailings: Mailing[] }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const action = useMailingAction(campaignId);
  const [cancelling, setCancelling] = useState<Mailing | null>(null);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  const run = (mailing: Mailing, what: MailingAction) => {
    setMessage(undefined);
    action.mutate(
      { mailing, action: what },
      {
        onSuccess: () => {
          setCancelling(null);
          setMessage(t(`email.mailings.done.${what}`, { name: mailing.templateName }));
        },
        onError: (error) => {
          setCancelling(null);
          setFailure((f) => ({ text: refusalText(error, t), key: (f?.key ?? 0) + 1 }));
        },
      },
    );
  };
  return (
    <>
      {failure ? (
        <FocusedAlert focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
      <StatusMessage message={message} />
      <div className="table-wrap" role="region" aria-labelledby="mailings-caption" tabIndex={0}>
        <table className="table table--compact">
          <caption id="mailings-caption" className="visually-hidden">
            {t('email.mailings.title')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('email.mailings.columns.template')}</th>
              <th scope="col">{t('email.mailings.columns.status')}</th>
              <th scope="col">{t('email.mailings.columns.starts')}</th>
              {OUTBOX_STATES.map((state) => (
                <th key={state} scope="col" className="numeric">
                  {t(`email.state.${state}`)}
                </th>
              ))}
              <th scope="col">{t('email.mailings.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {mailings.map((mailing) => (
              <tr key={mailing.id}>
                <th scope="row">
                  {mailing.templateName}
                  {mailing.createdBy ? (
                    <span className="cell-note">
                      {t('email.mailings.by', { name: mailing.createdBy })}
                    </span>
                  ) : null}
                </th>
                <td>
                  <span className={MAILING_TONE[mailing.status]}>
                    {t(`email.mailingStatus.${mailing.status}`)}
                  </span>
                  {mailing.pausedReason ? (
                    <span className="cell-note">
                      {t('email.mailings.pausedReason', { reason: mailing.pausedReason })}
                    </span>
                  ) : null}
                </td>
                <td className="nowrap">{dateTime(mailing.scheduledAt, ui)}</td>
                {OUTBOX_STATES.map((state) => (
                  <td key={state} className="numeric">
                    {formatCount(mailing.counts[state], ui)}
                  </td>
                ))}
                <td>
                  <div className="table-actions">
                    {ACTIONS[mailing.status].map((what) => (
                      <Button
                        key={what}
                        variant={what === 'cancel' ? 'danger' : 'secondary'}
                        busy={action.isPending}
                        onClick={() =>
                          what === 'cancel' ? setCancelling(mailing) : run(mailing, what)
                        }
                      >
                        {t(`email.mailings.action.${what}`)}
                        <span className="visually-hidden"> {mailing.templateName}</span>
                      </Button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={cancelling !== null}
        title={t('email.mailings.confirmCancel', { name: cancelling?.templateName ?? '' })}
        confirmLabel={t('email.mailings.action.cancel')}
        tone="danger"
        busy={action.isPending}
        onCancel={() => setCancelling(null)}
        onConfirm={() => {
          if (cancelling) run(cancelling, 'cancel');
        }}
      >
        <p>{t('email.mailings.confirmCancelText')}</p>
      </ConfirmDialog>
    </>
  );
}
