import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Escalation } from '../../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../../app/i18n';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useEscalation } from '../../hooks/useEscalations';
import { EscalationStatusBadge, LevelBadge } from '../Badges';
import { dateOnly, dateTime } from '../format';
import { PatronContact } from '../PatronContact';
import { EscalationActions } from './EscalationActions';
import { EscalationTimeline } from './EscalationTimeline';
import { ReferralList } from './ReferralList';
import '../../../../styles/followups.css';

/**
 * One escalation: what the caller wrote, how to reach the patron, what was done, and what to do
 * next. The notification e-mail links here, so it works when opened directly. The caller who raised
 * it follows it here, read-only: no actions, and no patron contact details (those they see only
 * while on the patron's call).
 */
export function EscalationPage() {
  const { t } = useTranslation();
  const id = Number(useParams().escalationId);
  const escalation = useEscalation(id);
  const readOnly = useCurrentUser().role === 'caller';
  const [message, setMessage] = useState<string>();
  const back = (
    <p className="breadcrumb">
      <Link to="/escalations">{readOnly ? t('escalations.mine.back') : t('escalations.back')}</Link>
    </p>
  );
  if (!Number.isInteger(id) || id <= 0 || escalation.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('escalations.pageTitle')} />
        <Alert tone="error">
          {escalation.isError ? errorMessage(escalation.error, t) : t('errors.NOT_FOUND')}
        </Alert>
      </>
    );
  }
  if (escalation.isPending) return <Loading label={t('app.loading')} />;
  return (
    <>
      {back}
      <EscalationView
        escalation={escalation.data}
        readOnly={readOnly}
        message={message}
        onDone={setMessage}
      />
    </>
  );
}

function EscalationView({
  escalation: e,
  readOnly,
  message,
  onDone,
}: {
  escalation: Escalation;
  /** For the caller who raised it: what happened, without the patron's details or the actions. */
  readOnly: boolean;
  message: string | undefined;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  return (
    <>
      <PageHeading
        title={t('escalations.about', { name: e.patronName })}
        lead={
          <p className="followup-lead">
            <LevelBadge level={e.level} /> <EscalationStatusBadge status={e.status} />
          </p>
        }
      />
      <StatusMessage message={message} />
      {e.purgedAt ? (
        <Alert tone="info">{t('escalations.purged', { date: dateOnly(e.purgedAt, ui) })}</Alert>
      ) : null}
      <dl className="facts">
        <div>
          <dt>{t('escalations.fields.raisedBy')}</dt>
          <dd>
            {e.source === 'missed_calls'
              ? t('escalations.source.missed_calls')
              : (e.raisedBy ?? t('escalations.unknownStaff'))}
          </dd>
        </div>
        <div>
          <dt>{t('escalations.fields.raisedAt')}</dt>
          <dd>{dateTime(e.raisedAt, ui)}</dd>
        </div>
        {e.campaignName ? (
          <div>
            <dt>{t('escalations.fields.campaign')}</dt>
            <dd>{e.campaignName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('escalations.fields.notifications')}</dt>
          <dd>
            {e.notifications === 0
              ? t('escalations.notNotifiedYet')
              : t('escalations.notifiedTimes', { count: e.notifications })}
            {e.notifications > 1 ? ` (${t('escalations.renotified')})` : null}
          </dd>
        </div>
        {e.acknowledgedBy && e.acknowledgedAt ? (
          <div>
            <dt>{t('escalations.fields.acknowledged')}</dt>
            <dd>
              {t('escalations.byOn', {
                name: e.acknowledgedBy,
                date: dateTime(e.acknowledgedAt, ui),
              })}
            </dd>
          </div>
        ) : null}
        {e.closedAt ? (
          <div>
            <dt>{t('escalations.fields.closedAt')}</dt>
            <dd>{dateTime(e.closedAt, ui)}</dd>
          </div>
        ) : null}
      </dl>

      <div className={readOnly ? undefined : 'followup-columns'}>
        <div className="followup-main">
          <section className="card followup-card" aria-labelledby="escalation-note">
            <h2 id="escalation-note">
              {readOnly ? t('escalations.mine.note') : t('escalations.note')}
            </h2>
            {e.note === '' ? (
              <p className="muted">
                {e.purgedAt
                  ? t('escalations.noteRemoved')
                  : readOnly
                    ? t('escalations.mine.noNote')
                    : t('escalations.noNote')}
              </p>
            ) : (
              <p className="prewrap">{e.note}</p>
            )}
            {e.status === 'closed' && e.resolution !== '' ? (
              <>
                <h3>{t('escalations.resolution')}</h3>
                <p className="prewrap">{e.resolution}</p>
              </>
            ) : null}
          </section>
          <section className="card followup-card" aria-labelledby="escalation-timeline">
            <h2 id="escalation-timeline">{t('escalations.timeline.title')}</h2>
            <EscalationTimeline actions={e.actions} />
          </section>
          <section className="card followup-card" aria-labelledby="escalation-referrals">
            <h2 id="escalation-referrals">{t('referrals.listTitle')}</h2>
            <ReferralList referrals={e.referrals} readOnly={readOnly} />
          </section>
        </div>
        {readOnly ? null : (
          <div className="followup-side">
            <PatronContact patron={e.patron} headingId="escalation-patron" />
            <EscalationActions escalation={e} onDone={onDone} />
          </div>
        )}
      </div>
    </>
  );
}
