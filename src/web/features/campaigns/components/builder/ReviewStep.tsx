import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Campaign } from '../../../../../shared/schemas/campaigns.js';
import { isApiError } from '../../../../api/client';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { FocusedAlert } from '../../../../components/ui/FocusedAlert';
import { useAudiencePreview } from '../../hooks/useAudiencePreview';
import { useLaunchCampaign } from '../../hooks/useCampaigns';
import { SettingsSummary } from '../SettingsSummary';
import type { CampaignFlash } from '../flash';
import type { BuilderStep, Draft } from './draft';

export interface ReviewStepProps {
  draft: Draft;
  campaign: Campaign;
  onEditStep: (step: BuilderStep) => void;
}

/** Step 8: everything at a glance, what still blocks launch, and Launch with a confirmation. */
export function ReviewStep({ draft, campaign, onEditStep }: ReviewStepProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const launch = useLaunchCampaign();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  const preview = useAudiencePreview({
    audience: draft.audience,
    priorities: draft.priorities,
    channel: draft.channel,
    campaignId: campaign.id,
  });
  const blockers: { text: string; step: BuilderStep }[] = [];
  if (draft.channel !== 'email' && draft.scriptId === null) {
    blockers.push({ text: t('builder.review.noScript'), step: 'script' });
  }
  if (preview.data?.count === 0) {
    blockers.push({ text: t('builder.review.emptyAudience'), step: 'audience' });
  }
  const canLaunch = campaign.status === 'draft';

  const onConfirm = () => {
    launch.mutate(campaign.id, {
      onSuccess: (launched) => {
        const state: CampaignFlash = { launched: launched.callListSize };
        void navigate(`/campaigns/${campaign.id}`, { state });
      },
      onError: (error) => {
        setConfirming(false);
        const field = isApiError(error)
          ? (error.details as { field?: string } | undefined)?.field
          : undefined;
        const text =
          field === 'scriptId'
            ? t('builder.review.noScript')
            : field === 'audience'
              ? t('builder.review.emptyAudience')
              : errorMessage(error, t);
        setFailure((current) => ({ text, key: (current?.key ?? 0) + 1 }));
      },
    });
  };

  return (
    <div className="review">
      {failure ? (
        <FocusedAlert title={t('builder.review.launchFailed')} focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
      <SettingsSummary
        settings={draft}
        callListSize={preview.data?.count}
        onEditStep={onEditStep}
      />
      <section aria-labelledby="review-launch" className="card">
        <h3 id="review-launch">{t('builder.review.launchTitle')}</h3>
        {blockers.length > 0 ? (
          <div className="alert alert--error">
            <p className="alert__title">{t('builder.review.blocked')}</p>
            <ul>
              {blockers.map((blocker) => (
                <li key={blocker.step}>
                  {blocker.text}{' '}
                  <Button variant="quiet" onClick={() => onEditStep(blocker.step)}>
                    {t('builder.review.fix', { step: t(`builder.steps.${blocker.step}`) })}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {canLaunch ? (
          <>
            <p>{t('builder.review.launchText')}</p>
            <Button
              disabled={blockers.length > 0}
              busy={launch.isPending}
              onClick={() => setConfirming(true)}
            >
              {t('builder.review.launch')}
            </Button>
          </>
        ) : (
          <p>
            {t('builder.review.alreadyLaunched', {
              status: t(`campaigns.status.${campaign.status}`),
            })}
          </p>
        )}
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('builder.review.confirmTitle', { name: draft.name })}
        confirmLabel={t('builder.review.confirm')}
        busy={launch.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('builder.review.confirmText', { count: preview.data?.count ?? 0 })}</p>
      </ConfirmDialog>
    </div>
  );
}
