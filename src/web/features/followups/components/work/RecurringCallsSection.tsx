import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecurringCalls } from '../../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { useRecurringCalls } from '../../hooks/useWork';
import { dateTime } from '../format';
import { RecurringActions } from './RecurringActions';

const STATUS_TONE: Record<RecurringCalls['status'], string> = {
  active: 'badge badge--on',
  paused: 'badge badge--warning',
  ended: 'badge badge--off',
};

export interface RecurringCallsSectionProps {
  closed: boolean;
  /** Coordinators may see everyone's; others only their own. */
  canSeeAll: boolean;
  everyone: boolean;
  onEveryone: (everyone: boolean) => void;
}

/** Recurring friendly calls: mine (or everyone's), soonest first; made from the calling page. */
export function RecurringCallsSection({
  closed,
  canSeeAll,
  everyone,
  onEveryone,
}: RecurringCallsSectionProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const all = canSeeAll && everyone;
  const list = useRecurringCalls(all ? 'all' : 'mine', closed ? 'ended' : 'any');
  const [now] = useState(() => Date.now());
  const rows = (list.data ?? []).filter((r) => (closed ? true : r.status !== 'ended'));
  const [result, setResult] = useState<{ message: string; failed: boolean }>();
  // Ended by a call (wrong number…) or by staff: said in words, not as a code.
  const endedText = (reason: string) =>
    t(`work.recurring.endedReasons.${reason}`, { defaultValue: reason });
  return (
    <section className="work-section" aria-labelledby="recurring-title">
      <h2 id="recurring-title">{t('work.recurring.title')}</h2>
      <p className="muted">
        {t('work.recurring.lead')} <Link to="/calling">{t('work.recurring.callingLink')}</Link>
      </p>
      {canSeeAll ? (
        <Checkbox
          id="recurring-everyone"
          label={t('work.recurring.everyone')}
          checked={everyone}
          onChange={onEveryone}
        />
      ) : null}
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {result?.failed ? <Alert tone="error">{result.message}</Alert> : null}
      <StatusMessage message={result?.failed === false ? result.message : undefined} />
      {list.data ? (
        <>
          <p className="results__count">{t('work.recurring.count', { count: rows.length })}</p>
          {rows.length > 0 ? (
            <div
              className="table-wrap"
              role="region"
              aria-labelledby="recurring-caption"
              tabIndex={0}
            >
              <table className="table table--compact">
                <caption id="recurring-caption" className="visually-hidden">
                  {t('work.recurring.title')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('work.recurring.patron')}</th>
                    <th scope="col">{t('work.recurring.campaign')}</th>
                    <th scope="col">{t('work.recurring.frequency')}</th>
                    <th scope="col">{t('work.recurring.next')}</th>
                    {all ? <th scope="col">{t('work.recurring.caller')}</th> : null}
                    <th scope="col">{t('work.recurring.missed')}</th>
                    <th scope="col">{t('work.recurring.status')}</th>
                    <th scope="col">{t('work.recurring.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => {
                    const due = r.status === 'active' && new Date(r.nextCallAt).getTime() <= now;
                    return (
                      <tr key={r.id}>
                        <th scope="row">{r.patronName}</th>
                        <td>
                          {r.campaignName}
                          {r.campaignActive ? null : (
                            <span className="cell-note">{t('work.recurring.campaignStopped')}</span>
                          )}
                        </td>
                        <td>{t(`work.recurring.frequencies.${r.frequency}`)}</td>
                        <td>
                          {r.status === 'ended' ? (
                            <span className="muted">—</span>
                          ) : (
                            <span className="nowrap">{dateTime(r.nextCallAt, ui)}</span>
                          )}
                          {due ? (
                            <>
                              {' '}
                              <span className="badge badge--warning">
                                {t('work.recurring.due')}
                              </span>
                            </>
                          ) : null}
                        </td>
                        {all ? (
                          <td>{r.caller ? r.caller.name : t('work.recurring.anyCaller')}</td>
                        ) : null}
                        <td className="numeric">{r.missedInRow}</td>
                        <td>
                          <span className={STATUS_TONE[r.status]}>
                            {t(`work.recurring.statuses.${r.status}`)}
                          </span>
                          {r.endedReason ? (
                            <span className="cell-note">{endedText(r.endedReason)}</span>
                          ) : null}
                        </td>
                        <td>
                          <RecurringActions
                            recurring={r}
                            onResult={(message, failed) => setResult({ message, failed })}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
