import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/session';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { urlOf } from '../../../api/client';
import { refusedPeriod, usePeriod } from '../hooks/usePeriod';
import { useCampaignNames, useStats } from '../hooks/useStats';
import { ActivityChart } from './ActivityChart';
import { CallerTable } from './CallerTable';
import { ExportLinks } from './ExportLinks';
import { HeadlineFigures } from './HeadlineFigures';
import { OutcomeChart } from './OutcomeChart';
import { PeriodFilter } from './PeriodFilter';
import { PeriodText } from './PeriodText';
import { ServicesChart } from './ServicesChart';
import '../../../styles/results.css';

/** The figures of one campaign (campaignId) or of the whole library (null), over a period. */
function Dashboard({ campaignId }: { campaignId: number | null }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const user = useCurrentUser();
  const { period, setPeriod } = usePeriod();
  const stats = useStats(campaignId, period, ui);
  const moderator = user.role === 'admin' || user.role === 'coordinator';
  const refused = refusedPeriod(stats.error);
  const name = stats.data?.scope.campaignName;
  const title =
    campaignId === null
      ? t('results.title')
      : name
        ? t('results.campaignTitle', { name })
        : t('results.campaignTitlePlain');
  const reportUrl = urlOf('/reports/impact', { campaignId: campaignId ?? undefined, ...period });
  const quotesUrl = urlOf('/quotes', { campaign: campaignId ?? undefined });
  return (
    <>
      {campaignId !== null ? (
        <p className="breadcrumb">
          {moderator && name ? (
            <>
              <Link to={`/campaigns/${campaignId}`}>{t('results.backToCampaign', { name })}</Link>
              {' · '}
            </>
          ) : null}
          <Link to="/results">{t('results.allResults')}</Link>
        </p>
      ) : null}
      <PageHeading
        title={title}
        lead={<p>{campaignId === null ? t('results.libraryLead') : t('results.campaignLead')}</p>}
      />
      <nav className="results-links" aria-label={t('results.links.label')}>
        <ul className="plain-list results-links__list">
          <li>
            <Link className="button button--secondary" to={reportUrl}>
              {t('results.links.report')}
            </Link>
          </li>
          <li>
            <Link className="button button--secondary" to={quotesUrl}>
              {t('results.links.quotes')}
            </Link>
          </li>
        </ul>
      </nav>
      <PeriodFilter
        key={`${period.from ?? ''}|${period.to ?? ''}`}
        id="results-period"
        period={period}
        onApply={setPeriod}
        error={refused ? t('results.period.toBeforeFrom') : undefined}
      />
      {stats.isPending ? <Loading label={t('app.loading')} /> : null}
      {stats.isError && !refused ? (
        <Alert tone="error">{errorMessage(stats.error, t)}</Alert>
      ) : null}
      {stats.data ? (
        <div className="results" aria-busy={stats.isPlaceholderData || undefined}>
          <PeriodText scope={stats.data.scope} />
          <HeadlineFigures figures={stats.data.figures} />
          <div className="results-charts">
            <OutcomeChart figures={stats.data.figures} />
            <ServicesChart services={stats.data.services} />
          </div>
          <ActivityChart stats={stats.data} period={period} />
          {stats.data.callers !== null ? <CallerTable callers={stats.data.callers} /> : null}
          {campaignId !== null && moderator ? (
            <ExportLinks campaignId={campaignId} period={period} />
          ) : null}
        </div>
      ) : null}
    </>
  );
}

/** Links to each campaign's own results, under the library's. */
function CampaignLinks() {
  const { t } = useTranslation();
  const campaigns = useCampaignNames();
  const { period } = usePeriod();
  return (
    <section className="results-section" aria-labelledby="results-campaigns-title">
      <h2 id="results-campaigns-title">{t('results.byCampaign.title')}</h2>
      {campaigns.isPending ? <Loading label={t('app.loading')} /> : null}
      {campaigns.isError ? <Alert tone="error">{errorMessage(campaigns.error, t)}</Alert> : null}
      {campaigns.data?.length === 0 ? <p>{t('results.byCampaign.none')}</p> : null}
      {campaigns.data && campaigns.data.length > 0 ? (
        <ul className="results-campaigns">
          {campaigns.data.map((campaign) => (
            <li key={campaign.id}>
              <Link to={urlOf(`/campaigns/${campaign.id}/results`, { ...period })}>
                {campaign.name}
              </Link>{' '}
              <span className="muted">{t(`campaigns.status.${campaign.status}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** /results: every campaign of the library together, then each campaign. */
export function LibraryResultsPage() {
  return (
    <>
      <Dashboard campaignId={null} />
      <CampaignLinks />
    </>
  );
}

/** /campaigns/:campaignId/results: one campaign's figures. */
export function CampaignResultsPage() {
  const { t } = useTranslation();
  const campaignId = Number(useParams().campaignId);
  if (!Number.isInteger(campaignId) || campaignId <= 0) {
    return (
      <>
        <PageHeading title={t('results.campaignTitlePlain')} />
        <Alert tone="error">{t('errors.NOT_FOUND')}</Alert>
      </>
    );
  }
  return <Dashboard key={campaignId} campaignId={campaignId} />;
}
