import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Campaign } from '../../../../shared/schemas/campaigns.js';
import { errorMessage } from '../../../components/form/errorMessage';
import { StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { FocusedAlert } from '../../../components/ui/FocusedAlert';
import { exportUrl, type StatusAction } from '../api/campaigns';
import { useRefreshCallList, useStatusAction } from '../hooks/useCampaigns';

const ACTIONS: Record<Campaign['status'], readonly StatusAction[]> = {
  draft: [],
  active: ['pause', 'close'],
  paused: ['resume', 'close'],
  closed: [],
};

/** Pause, resume, close (each confirmed), refresh the call list, export the campaign file. */
export function StatusActions({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const status = useStatusAction(campaign.id);
  const refresh = useRefreshCallList(campaign.id);
  const [asking, setAsking] = useState<StatusAction | null>(null);
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  const fail = (error: unknown) =>
    setFailure((f) => ({ text: errorMessage(error, t), key: (f?.key ?? 0) + 1 }));
  const running = campaign.status === 'active' || campaign.status === 'paused';
  return (
    <section className="card" aria-labelledby="campaign-actions">
      <h2 id="campaign-actions">{t('campaign.actions')}</h2>
      {failure ? (
        <FocusedAlert focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
      <div className="form__actions">
        {campaign.status === 'draft' ? (
          <Link
            className="button button--primary"
            to={`/campaigns/${campaign.id}/edit?step=review`}
          >
            {t('campaign.reviewLaunch')}
          </Link>
        ) : null}
        {ACTIONS[campaign.status].map((action) => (
          <Button
            key={action}
            variant={action === 'close' ? 'danger' : 'secondary'}
            onClick={() => setAsking(action)}
          >
            {t(`campaign.action.${action}`)}
          </Button>
        ))}
        {running ? (
          <Button
            variant="secondary"
            busy={refresh.isPending}
            onClick={() =>
              refresh.mutate(undefined, {
                onSuccess: (result) => setMessage(t('campaign.refreshed', { count: result.added })),
                onError: fail,
              })
            }
          >
            {t('campaign.refresh')}
          </Button>
        ) : null}
        <a className="button button--quiet" href={exportUrl(campaign.id)} download>
          {t('campaign.export')}
        </a>
      </div>
      <StatusMessage message={message} />
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t(`campaign.confirm.${asking}.title`, { name: campaign.name }) : ''}
        confirmLabel={asking ? t(`campaign.action.${asking}`) : ''}
        tone={asking === 'close' ? 'danger' : 'primary'}
        busy={status.isPending}
        onCancel={() => setAsking(null)}
        onConfirm={() => {
          if (!asking) return;
          const action = asking;
          status.mutate(action, {
            onSuccess: () => {
              setAsking(null);
              setMessage(t(`campaign.done.${action}`));
            },
            onError: (error) => {
              setAsking(null);
              fail(error);
            },
          });
        }}
      >
        <p>{asking ? t(`campaign.confirm.${asking}.text`) : ''}</p>
      </ConfirmDialog>
    </section>
  );
}
