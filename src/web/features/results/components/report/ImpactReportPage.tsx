import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImpactReport } from '../../../../../shared/schemas/results.js';
import { urlOf } from '../../../../api/client';
import { currentLanguage } from '../../../../app/i18n';
import { useCurrentUser } from '../../../../app/session';
import { BarChart } from '../../../../components/charts/BarChart';
import {
  formatDateTime,
  formatDay,
  formatDayRange,
  formatNumber,
} from '../../../../components/charts/format';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { SelectField } from '../../../../components/ui/SelectField';
import type { Period } from '../../api/results';
import { idOf, refusedPeriod, usePeriod } from '../../hooks/usePeriod';
import { useImpactReport } from '../../hooks/useReport';
import { useCampaignNames } from '../../hooks/useStats';
import { REPORT_FIGURES, attributionText, dayIn, figureText, periodShape } from '../figures';
import { PeriodFilter } from '../PeriodFilter';
import { Narrative } from './Narrative';
import '../../../../styles/results.css';

/** The address's query for a scope: only the parts given. */
function urlParams(values: Record<string, string | number | undefined>): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search;
}

/** Services on the one-page report: the most told about. */
const REPORT_SERVICES = 5;
const ALL = 'all';

/** The period in the report's words: open ends run to the day the figures were worked out. */
function usePeriodWords(report: ImpactReport): string {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const { from, to, generatedAt, timeZone } = report.stats.scope;
  const today = formatDay(dayIn(generatedAt, timeZone), ui, 'full');
  const day = (value: string | null) => (value ? formatDay(value, ui, 'full') : '');
  return t(
    `results.report.period.${periodShape({ from: from ?? undefined, to: to ?? undefined })}`,
    {
      from: day(from),
      to: day(to),
      day: today,
      range: from && to ? formatDayRange(from, to, ui) : '',
    },
  );
}

function ReportFigures({ report }: { report: ImpactReport }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <section className="report__section" aria-labelledby="report-figures-title">
      <h3 id="report-figures-title" className="visually-hidden">
        {t('results.report.figures')}
      </h3>
      <dl className="report-figures">
        {REPORT_FIGURES.map((key) => (
          <div key={key} className="report-figure">
            <dt>{t(`results.figure.${key}.label`)}</dt>
            <dd>{figureText(key, report.stats.figures, ui) ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ReportServices({ report }: { report: ImpactReport }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const told = report.stats.services
    .filter((s) => s.toldAbout > 0)
    .sort((a, b) => b.toldAbout - a.toldAbout);
  const shown = told.slice(0, REPORT_SERVICES);
  return (
    <section className="report__section" aria-labelledby="report-services-title">
      <h3 id="report-services-title">{t('results.report.services')}</h3>
      {shown.length === 0 ? (
        <p>{t('results.report.servicesNone')}</p>
      ) : (
        <>
          <BarChart
            title={t('results.report.services')}
            categoryHeading={t('results.services.heading')}
            categories={shown.map((s) => ({ key: s.key, label: s.name }))}
            series={[
              {
                key: 'toldAbout',
                label: t('results.services.toldAbout'),
                values: shown.map((s) => s.toldAbout),
              },
            ]}
            format={(value) => formatNumber(value, ui)}
          />
          {told.length > shown.length ? (
            <p className="muted">
              {t('results.report.servicesMore', { count: told.length - shown.length })}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

function ReportQuotes({ report }: { report: ImpactReport }) {
  const { t } = useTranslation();
  return (
    <section className="report__section" aria-labelledby="report-quotes-title">
      <h3 id="report-quotes-title">{t('results.report.quotes')}</h3>
      {report.quotes.length === 0 ? (
        <p className="muted">{t('results.report.quotesNone')}</p>
      ) : (
        <ul className="plain-list report-quotes">
          {report.quotes.map((quote) => (
            <li key={quote.id}>
              <figure className="quote">
                <blockquote className="quote__text">
                  <p>{quote.text}</p>
                </blockquote>
                <figcaption className="quote__by">
                  — {attributionText(quote, t('results.quotes.anonymous'))}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The report's campaign (or all of them) and days, applied together to the address. */
function ReportScope({
  campaignId,
  period,
  error,
  onApply,
}: {
  campaignId: number | null;
  period: Period;
  error: string | undefined;
  onApply: (campaignId: number | null, period: Period) => void;
}) {
  const { t } = useTranslation();
  const campaigns = useCampaignNames();
  const [value, setValue] = useState(campaignId === null ? ALL : String(campaignId));
  const options = [
    { value: ALL, label: t('results.report.allCampaigns') },
    ...(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.name })),
  ];
  // A campaign from the address that is not listed (yet) stays chosen.
  if (!options.some((o) => o.value === value)) {
    options.push({ value, label: t('results.quotes.filter.campaignNumber', { id: value }) });
  }
  return (
    <PeriodFilter
      id="report-period"
      period={period}
      error={error}
      onApply={(next) => onApply(value === ALL ? null : Number(value), next)}
    >
      <SelectField
        id="report-campaign"
        label={t('results.report.campaign')}
        value={value}
        options={options}
        onChange={setValue}
      />
    </PeriodFilter>
  );
}

/**
 * /reports/impact: the one-page impact report ("Achieved outcomes") of a campaign or of the whole
 * library, for a board or funders. Printed, or saved as a PDF, from the browser's print window.
 */
export function ImpactReportPage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const user = useCurrentUser();
  const { period, params, setParams } = usePeriod();
  const campaignId = idOf(params.get('campaignId')) ?? null;
  const report = useImpactReport(campaignId, period, ui);
  const refused = refusedPeriod(report.error);
  const editable = user.role === 'admin' || user.role === 'coordinator';
  const data = report.data;
  const scopeName = data?.stats.scope.campaignName ?? null;
  const title = scopeName
    ? t('results.report.titleFor', { name: scopeName })
    : t('results.report.title');
  const back = urlOf(campaignId === null ? '/results' : `/campaigns/${campaignId}/results`, {
    ...period,
  });
  return (
    <>
      <div className="no-print">
        <p className="breadcrumb">
          <Link to={back}>{t('results.report.back')}</Link>
        </p>
        <PageHeading title={title} lead={<p>{t('results.report.lead')}</p>} />
        <ReportScope
          key={`${campaignId ?? ''}|${period.from ?? ''}|${period.to ?? ''}`}
          campaignId={campaignId}
          period={period}
          error={refused ? t('results.period.toBeforeFrom') : undefined}
          onApply={(id, next) =>
            setParams(urlParams({ campaignId: id ?? undefined, from: next.from, to: next.to }))
          }
        />
        {data ? (
          <p className="form__actions">
            <Button onClick={() => window.print()}>{t('results.report.print')}</Button>
          </p>
        ) : null}
      </div>
      {report.isPending ? <Loading label={t('app.loading')} /> : null}
      {report.isError && !refused ? (
        <Alert tone="error">{errorMessage(report.error, t)}</Alert>
      ) : null}
      {data ? <Report report={data} editable={editable} /> : null}
    </>
  );
}

function Report({ report, editable }: { report: ImpactReport; editable: boolean }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const periodWords = usePeriodWords(report);
  const { scope } = report.stats;
  const contact = [report.library.address, report.library.website].filter((s) => s.trim() !== '');
  return (
    <article className="report" aria-labelledby="report-title">
      <header className="report__header">
        <p className="report__library">{report.library.name}</p>
        <h2 id="report-title" className="report__title">
          {t('results.report.heading')}
        </h2>
        <p className="report__scope">
          <strong>{scope.campaignName ?? t('results.report.allCampaigns')}</strong>
          {' · '}
          {periodWords}
        </p>
      </header>
      <ReportFigures report={report} />
      <div className="report__columns">
        <ReportServices report={report} />
        <ReportQuotes report={report} />
      </div>
      <Narrative
        key={scope.campaignId ?? 'library'}
        campaignId={scope.campaignId}
        narrative={report.narrative}
        updated={report.narrativeUpdatedAt}
        editable={editable}
      />
      <footer className="report__footer">
        {contact.length > 0 ? <p>{contact.join(' · ')}</p> : null}
        <p>
          {t('results.report.footer', {
            time: formatDateTime(scope.generatedAt, ui),
            timeZone: scope.timeZone,
          })}
        </p>
      </footer>
    </article>
  );
}
