import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { CampaignEmailsPart } from '../../../app/emailParts';
import { currentLanguage } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/session';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { useCampaign } from '../hooks/useCampaigns';
import { Briefing } from './Briefing';
import { draftOf } from './builder/draft';
import type { CampaignFlash } from './flash';
import { STATUS_TONE, formatCount } from './format';
import { SettingsSummary } from './SettingsSummary';
import { StatusActions } from './StatusActions';

/**
 * One campaign: its briefing for callers; for builders also its settings, status actions and its
 * e-mail step.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const user = useCurrentUser();
  const location = useLocation();
  const id = Number(useParams().campaignId);
  const campaign = useCampaign(id);
  const flash = (location.state as CampaignFlash | null)?.launched;
  if (campaign.isPending) return <Loading label={t('app.loading')} />;
  if (campaign.isError) {
    return (
      <>
        <PageHeading title={t('campaigns.title')} />
        <Alert tone="error">{errorMessage(campaign.error, t)}</Alert>
      </>
    );
  }
  const c = campaign.data;
  const builder = user.role === 'admin' || user.role === 'coordinator';
  return (
    <>
      <PageHeading
        title={c.name}
        lead={
          <p className="campaign-facts">
            <span className={STATUS_TONE[c.status]}>{t(`campaigns.status.${c.status}`)}</span>{' '}
            {t(`channel.${c.channel}`)} ·{' '}
            {t('campaign.callList', {
              count: c.callListSize,
              formatted: formatCount(c.callListSize, ui),
            })}
          </p>
        }
      />
      <StatusMessage
        message={flash === undefined ? undefined : t('campaign.launched', { count: flash })}
      />
      <p className="form__actions">
        <Link className="button button--primary" to={`/campaigns/${c.id}/practice`}>
          {t('campaign.practice')}
        </Link>
        {builder ? (
          <Link className="button button--secondary" to={`/campaigns/${c.id}/edit`}>
            {t('campaign.edit')}
          </Link>
        ) : null}
        {builder && c.status !== 'draft' ? (
          <Link className="button button--secondary" to={`/campaigns/${c.id}/results`}>
            {t('campaign.results')}
          </Link>
        ) : null}
      </p>
      {builder ? <StatusActions campaign={c} /> : null}
      {builder ? (
        <CampaignEmailsPart
          campaignId={c.id}
          running={c.status === 'active' || c.status === 'paused'}
        />
      ) : null}
      <Briefing campaign={c} />
      {builder ? (
        <section className="card campaign-settings" aria-labelledby="campaign-settings">
          <h2 id="campaign-settings">{t('campaign.settings')}</h2>
          <SettingsSummary settings={draftOf(c)} callListSize={undefined} />
        </section>
      ) : null}
    </>
  );
}
