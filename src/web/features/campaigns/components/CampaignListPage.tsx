import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { campaignFileSchema } from '../../../../shared/schemas/campaigns.js';
import { currentLanguage } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/session';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading } from '../../../components/ui/Alert';
import { FocusedAlert } from '../../../components/ui/FocusedAlert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { useCampaignList, useImportCampaign } from '../hooks/useCampaigns';
import { STATUS_TONE, formatCount, formatDay } from './format';

function ImportCampaign() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const importing = useImportCampaign();
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  const fail = (text: string) => setFailure((f) => ({ text, key: (f?.key ?? 0) + 1 }));
  const onFile = async (file: File) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      return fail(t('campaigns.import.notJson', { name: file.name }));
    }
    const checked = campaignFileSchema.safeParse(parsed);
    if (!checked.success) return fail(t('campaigns.import.notCampaign', { name: file.name }));
    importing.mutate(checked.data, {
      onSuccess: (campaign) => void navigate(`/campaigns/${campaign.id}/edit?step=review`),
      onError: (error) => fail(errorMessage(error, t)),
    });
  };
  return (
    <div className="field campaign-import">
      <label className="field__label" htmlFor="campaign-import-file">
        {t('campaigns.import.label')}
      </label>
      <p id="campaign-import-hint" className="field__hint">
        {t('campaigns.import.hint')}
      </p>
      <input
        id="campaign-import-file"
        type="file"
        accept=".json,application/json"
        aria-describedby="campaign-import-hint"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void onFile(file);
        }}
      />
      {importing.isPending ? <Loading label={t('campaigns.import.busy')} /> : null}
      {failure ? (
        <FocusedAlert title={t('campaigns.import.failed')} focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
    </div>
  );
}

/** Every campaign the person may see; builders also start or import one here. */
export function CampaignListPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const ui = currentLanguage();
  const list = useCampaignList();
  const builder = user.role === 'admin' || user.role === 'coordinator';
  const linked = user.role !== 'viewer';
  // Results are for everyone but callers.
  const results = user.role !== 'caller';
  const day = (value: string | null) => (value ? formatDay(value, ui) : '—');
  return (
    <>
      <PageHeading title={t('campaigns.title')} lead={<p>{t(`campaigns.lead.${user.role}`)}</p>} />
      {builder ? (
        <div className="campaign-tools">
          <p>
            <Link className="button button--primary" to="/campaigns/new">
              {t('campaigns.new')}
            </Link>
          </p>
          <ImportCampaign />
        </div>
      ) : null}
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {list.data?.items.length === 0 ? <p>{t('campaigns.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="campaigns-caption" tabIndex={0}>
          <table className="table">
            <caption id="campaigns-caption" className="visually-hidden">
              {t('campaigns.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('campaigns.columns.name')}</th>
                <th scope="col">{t('campaigns.columns.status')}</th>
                <th scope="col">{t('campaigns.columns.channel')}</th>
                <th scope="col">{t('campaigns.columns.dates')}</th>
                <th scope="col" className="numeric">
                  {t('campaigns.columns.size')}
                </th>
                {results ? <th scope="col">{t('campaigns.columns.results')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((campaign) => (
                <tr key={campaign.id}>
                  <th scope="row">
                    {linked ? (
                      <Link to={`/campaigns/${campaign.id}`}>{campaign.name}</Link>
                    ) : (
                      campaign.name
                    )}
                  </th>
                  <td>
                    <span className={STATUS_TONE[campaign.status]}>
                      {t(`campaigns.status.${campaign.status}`)}
                    </span>
                  </td>
                  <td>{t(`channel.${campaign.channel}`)}</td>
                  <td className="nowrap">
                    {t('summary.dateRange', {
                      from: day(campaign.startsOn),
                      to: day(campaign.endsOn),
                    })}
                  </td>
                  <td className="numeric">{formatCount(campaign.callListSize, ui)}</td>
                  {results ? (
                    <td>
                      {campaign.status === 'draft' ? (
                        <span className="muted">{t('campaigns.noResults')}</span>
                      ) : (
                        <Link to={`/campaigns/${campaign.id}/results`}>
                          {t('campaigns.results')}
                          <span className="visually-hidden">
                            {' '}
                            {t('campaigns.resultsOf', { name: campaign.name })}
                          </span>
                        </Link>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
