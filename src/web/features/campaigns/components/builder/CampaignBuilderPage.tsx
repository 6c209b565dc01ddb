import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useCampaign } from '../../hooks/useCampaigns';
import { Builder } from './Builder';

/** /campaigns/new and /campaigns/:id/edit: the builder, with the saved campaign once there is one. */
export function CampaignBuilderPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = params.campaignId === undefined ? undefined : Number(params.campaignId);
  const campaign = useCampaign(id);
  if (id === undefined) return <Builder campaign={undefined} />;
  if (campaign.isPending) return <Loading label={t('app.loading')} />;
  if (campaign.isError) {
    return (
      <>
        <PageHeading title={t('builder.editTitle')} />
        <Alert tone="error">{errorMessage(campaign.error, t)}</Alert>
      </>
    );
  }
  return <Builder key={campaign.data.id} campaign={campaign.data} />;
}
