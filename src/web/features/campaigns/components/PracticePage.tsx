import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLibrary, useServices } from '../../../app/catalogue';
import { currentLanguage } from '../../../app/i18n';
import { useCurrentUser } from '../../../app/session';
import { isApiError } from '../../../api/client';
import { errorMessage } from '../../../components/form/errorMessage';
import { ScriptRunner } from '../../../components/script-runner/ScriptRunner';
import { versionFor } from '../../../components/script-runner/merge';
import { Alert, Loading, StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { PageHeading } from '../../../components/ui/PageHeading';
import { useCampaign, useCampaignScript } from '../hooks/useCampaigns';
import { languageName } from './format';
import { PRETEND_PATRONS } from './pretendPatrons';
import { TrainingView } from './TrainingView';

/** Practice calls with invented patrons: the real script and training, nothing recorded. */
export function PracticePage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const user = useCurrentUser();
  const id = Number(useParams().campaignId);
  const campaign = useCampaign(id);
  const script = useCampaignScript(Number.isInteger(id) ? id : null);
  const library = useLibrary();
  const allServices = useServices().data ?? [];
  const [index, setIndex] = useState(0);
  const [run, setRun] = useState(0);
  const [message, setMessage] = useState<string>();
  const patron = PRETEND_PATRONS[index % PRETEND_PATRONS.length] ?? PRETEND_PATRONS[0];

  const title = t('practice.title', { name: campaign.data?.name ?? '' });
  if (campaign.isPending || script.isLoading) return <Loading label={t('app.loading')} />;
  if (campaign.isError || !patron) {
    return (
      <>
        <PageHeading title={t('practice.heading')} />
        <Alert tone="error">{errorMessage(campaign.error, t)}</Alert>
      </>
    );
  }
  const c = campaign.data;
  const services = allServices.filter((s) => c.serviceKeys.includes(s.key));
  const version = script.data
    ? versionFor(script.data.versions, patron.language, script.data.defaultLanguage)
    : undefined;
  const fallback = version !== undefined && version.language !== patron.language;

  return (
    <>
      <PageHeading title={title} lead={<p>{t('practice.lead')}</p>} />
      <p className="practice-banner" role="note">
        <strong>{t('practice.banner')}</strong> {t('practice.bannerText')}
      </p>
      <StatusMessage message={message} />
      <div className="practice">
        <div className="practice__call">
          <section className="card patron-card" aria-labelledby="pretend-patron">
            <h2 id="pretend-patron">
              <span className="badge badge--warning">{t('practice.badge')}</span> {patron.firstName}{' '}
              {patron.lastName}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t('practice.age')}</dt>
                <dd>{patron.age}</dd>
              </div>
              <div>
                <dt>{t('practice.language')}</dt>
                <dd>{languageName(patron.language, ui)}</dd>
              </div>
            </dl>
            <p>{t(`practice.notes.${patron.noteKey}`)}</p>
            {fallback ? (
              <p className="alert alert--info">
                {t('practice.fallback', {
                  language: languageName(patron.language, ui),
                  script: languageName(version.language, ui),
                })}
              </p>
            ) : null}
          </section>
          <section className="card" aria-labelledby="practice-script">
            <h2 id="practice-script">{t('practice.script')}</h2>
            {script.isError ? (
              <Alert tone="error">
                {isApiError(script.error) && script.error.code === 'FORBIDDEN'
                  ? t('campaign.scriptUnavailable')
                  : errorMessage(script.error, t)}
              </Alert>
            ) : null}
            {c.scriptId === null ? <p>{t('summary.noScript')}</p> : null}
            {version ? (
              <ScriptRunner
                key={`${patron.id}-${run}`}
                version={version}
                services={services}
                merge={{
                  'patron.firstName': patron.firstName,
                  'patron.preferredName': patron.firstName,
                  'patron.lastName': patron.lastName,
                  'caller.name': user.name,
                  'library.name': library.data?.name ?? '',
                  'library.callbackNumber': library.data?.callbackNumber ?? '',
                  'campaign.purpose': c.purpose,
                }}
              />
            ) : null}
            <div className="form__actions practice__controls">
              <Button
                variant="secondary"
                onClick={() => {
                  setRun((n) => n + 1);
                  setMessage(t('practice.restarted'));
                }}
              >
                {t('practice.startOver')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  const next = PRETEND_PATRONS[(index + 1) % PRETEND_PATRONS.length];
                  setIndex((i) => (i + 1) % PRETEND_PATRONS.length);
                  setMessage(t('practice.nextPatron', { name: next?.firstName ?? '' }));
                }}
              >
                {t('practice.next')}
              </Button>
              <Link to={`/campaigns/${c.id}`}>{t('practice.back')}</Link>
            </div>
          </section>
        </div>
        <aside className="card practice__training" aria-labelledby="practice-training">
          <h2 id="practice-training">{t('campaign.training')}</h2>
          <TrainingView training={c.training} />
        </aside>
      </div>
    </>
  );
}
