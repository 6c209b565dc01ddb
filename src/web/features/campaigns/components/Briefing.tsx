import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../../shared/schemas/campaigns.js';
import { useServices } from '../../../app/catalogue';
import { currentLanguage } from '../../../app/i18n';
import { isApiError } from '../../../api/client';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading } from '../../../components/ui/Alert';
import { useCampaignScript } from '../hooks/useCampaigns';
import { ScriptOutline } from './ScriptOutline';
import { TrainingView } from './TrainingView';

/** What a caller reads before calling: why, under what authority, whom to ask, the script, training. */
export function Briefing({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const script = useCampaignScript(campaign.id);
  const services = (useServices().data ?? []).filter((s) => campaign.serviceKeys.includes(s.key));
  return (
    <div className="sections">
      <section className="card" aria-labelledby="briefing-why">
        <h2 id="briefing-why">{t('campaign.why')}</h2>
        <dl className="facts facts--stacked">
          <div>
            <dt>{t('builder.purpose.purpose')}</dt>
            <dd>{campaign.purpose}</dd>
          </div>
          <div>
            <dt>{t('builder.purpose.legalAuthority')}</dt>
            <dd>{campaign.legalAuthority}</dd>
          </div>
          <div>
            <dt>{t('builder.purpose.contact')}</dt>
            <dd>{campaign.contact}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="briefing-script">
        <h2 id="briefing-script">{t('campaign.script')}</h2>
        {campaign.scriptId === null ? <p>{t('summary.noScript')}</p> : null}
        {script.isLoading ? <Loading label={t('app.loading')} /> : null}
        {script.isError ? (
          <Alert tone="error">
            {isApiError(script.error) && script.error.code === 'FORBIDDEN'
              ? t('campaign.scriptUnavailable')
              : errorMessage(script.error, t)}
          </Alert>
        ) : null}
        {script.data ? (
          <ScriptOutline
            id="briefing-outline"
            versions={script.data.versions}
            initialLanguage={ui}
            services={services}
            uiLanguage={ui}
          />
        ) : null}
      </section>
      <section className="card" aria-labelledby="briefing-training">
        <h2 id="briefing-training">{t('campaign.training')}</h2>
        <TrainingView training={campaign.training} />
      </section>
    </div>
  );
}
