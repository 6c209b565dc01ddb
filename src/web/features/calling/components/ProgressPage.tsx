import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { useLiveProgress, useProgressCampaign } from '../hooks/useProgress';
import { useProgressAnnouncement } from '../hooks/useProgressAnnouncement';
import { ProgressFigures } from './ProgressFigures';
import { CallersWorking, CurrentClaims, DueCallbacks } from './ProgressLists';
import '../../../styles/calling.css';

/** A campaign's calling as it happens, for the coordinator. */
export function ProgressPage() {
  const { t } = useTranslation();
  const campaignId = Number(useParams().campaignId);
  const campaign = useProgressCampaign(campaignId);
  const { query, mode } = useLiveProgress(campaignId);
  const { message, announce } = useProgressAnnouncement(query.data);
  const title = campaign.data
    ? t('progress.title', { name: campaign.data.name })
    : t('progress.titlePlain');
  return (
    <>
      <PageHeading
        title={title}
        lead={
          <p>
            {mode === 'live'
              ? t('progress.live')
              : mode === 'polling'
                ? t('progress.polling')
                : t('progress.connecting')}
          </p>
        }
      />
      {/* Changes in the figures, and the result of the coordinator's own actions. */}
      <StatusMessage message={message} />
      {query.isPending ? <Loading label={t('app.loading')} /> : null}
      {query.isError && !query.data ? (
        <Alert tone="error">{errorMessage(query.error, t)}</Alert>
      ) : null}
      {query.data ? (
        <div className="progress">
          <ProgressFigures progress={query.data} />
          <CallersWorking progress={query.data} />
          <CurrentClaims progress={query.data} announce={announce} />
          <DueCallbacks progress={query.data} announce={announce} />
        </div>
      ) : null}
    </>
  );
}
