import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../../app/i18n';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { FocusedAlert } from '../../../../components/ui/FocusedAlert';
import type { Suppression } from '../../api/outbox';
import { useRemoveSuppression, useSuppressions } from '../../hooks/useOutbox';
import { dateTime } from '../format';
import { refusalText } from '../refusal';

/** Only these may be lifted: an unsubscribe or a complaint is the patron's own wish. */
const REMOVABLE: ReadonlySet<Suppression['reason']> = new Set(['hard_bounce', 'manual']);

/** Addresses no e-mail goes to any more, and why; an admin can lift a bounce or a manual block. */
export function Suppressions() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const admin = useCurrentUser().role === 'admin';
  const list = useSuppressions();
  const remove = useRemoveSuppression();
  const [asking, setAsking] = useState<Suppression | null>(null);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  return (
    <section className="email-section" aria-labelledby="email-suppressions-title">
      <h2 id="email-suppressions-title">{t('email.suppressions.title')}</h2>
      <p>{t('email.suppressions.lead')}</p>
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {failure ? (
        <FocusedAlert focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
      <StatusMessage message={message} />
      {list.data?.length === 0 ? <p>{t('email.suppressions.none')}</p> : null}
      {list.data && list.data.length > 0 ? (
        <div
          className="table-wrap"
          role="region"
          aria-labelledby="suppressions-caption"
          tabIndex={0}
        >
          <table className="table table--compact">
            <caption id="suppressions-caption" className="visually-hidden">
              {t('email.suppressions.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('email.suppressions.columns.address')}</th>
                <th scope="col">{t('email.suppressions.columns.reason')}</th>
                <th scope="col">{t('email.suppressions.columns.detail')}</th>
                <th scope="col">{t('email.suppressions.columns.since')}</th>
                {admin ? <th scope="col">{t('email.suppressions.columns.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.data.map((item) => (
                <tr key={item.address}>
                  <th scope="row" className="email-address">
                    {item.address}
                  </th>
                  <td>{t(`email.suppressionReason.${item.reason}`)}</td>
                  <td className="details">{item.detail ?? <span className="muted">—</span>}</td>
                  <td className="nowrap">{dateTime(item.createdAt, ui)}</td>
                  {admin ? (
                    <td>
                      {REMOVABLE.has(item.reason) ? (
                        <Button variant="secondary" onClick={() => setAsking(item)}>
                          {t('email.suppressions.remove')}
                          <span className="visually-hidden"> {item.address}</span>
                        </Button>
                      ) : (
                        <span className="muted">{t('email.suppressions.patronsWish')}</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        title={t('email.suppressions.confirmTitle', { address: asking?.address ?? '' })}
        confirmLabel={t('email.suppressions.remove')}
        busy={remove.isPending}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (!asking) return;
          const address = asking.address;
          remove.mutate(address, {
            onSuccess: () => {
              setAsking(null);
              setMessage(t('email.suppressions.removed', { address }));
            },
            onError: (error) => {
              setAsking(null);
              setFailure((f) => ({ text: refusalText(error, t), key: (f?.key ?? 0) + 1 }));
            },
          });
        }}
      >
        <p>{t('email.suppressions.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
