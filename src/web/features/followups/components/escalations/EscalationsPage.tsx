import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLanguage } from '../../../../app/i18n';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { SelectField } from '../../../../components/ui/SelectField';
import type { EscalationStatusFilter } from '../../api/escalations';
import { useEscalationList } from '../../hooks/useEscalations';
import { EscalationStatusBadge, LevelBadge } from '../Badges';
import { dateTime } from '../format';
import '../../../../styles/followups.css';

/**
 * The escalations queue: waiting ones first, urgent first (the server's order). A caller sees only
 * the concerns they raised, to follow what the coordinators did.
 */
export function EscalationsPage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const mine = useCurrentUser().role === 'caller';
  const words = mine ? 'escalations.mine' : 'escalations';
  const [params, setParams] = useSearchParams();
  const status: EscalationStatusFilter = params.get('status') === 'closed' ? 'closed' : 'active';
  const list = useEscalationList(status);
  const rows = list.data ?? [];
  const waiting = rows.filter((e) => e.status === 'open').length;
  return (
    <>
      <PageHeading title={t(`${words}.title`)} lead={<p>{t(`${words}.lead`)}</p>} />
      <section className="filter" aria-labelledby="escalations-filter-title">
        <h2 id="escalations-filter-title" className="visually-hidden">
          {t('work.filter.title')}
        </h2>
        <SelectField
          id="escalations-status"
          label={t('escalations.filter')}
          value={status}
          options={[
            { value: 'active', label: t('escalations.filterActive') },
            { value: 'closed', label: t('escalations.filterClosed') },
          ]}
          onChange={(next) =>
            setParams(next === 'closed' ? { status: 'closed' } : {}, { replace: true })
          }
        />
      </section>
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {list.data ? (
        <section aria-labelledby="escalations-results" className="results">
          <h2 id="escalations-results" className="visually-hidden">
            {t(`${words}.caption`)}
          </h2>
          <p role="status" className="results__count">
            {status === 'closed'
              ? t(`${words}.closedCount`, { count: rows.length })
              : t(`${words}.activeCount`, { count: rows.length, waiting })}
          </p>
          {rows.length > 0 ? (
            <div
              className="table-wrap"
              role="region"
              aria-labelledby="escalations-caption"
              tabIndex={0}
            >
              <table className="table table--compact">
                <caption id="escalations-caption" className="visually-hidden">
                  {t(`${words}.caption`)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('escalations.fields.patron')}</th>
                    <th scope="col">{t('escalations.fields.level')}</th>
                    <th scope="col">{t('escalations.fields.status')}</th>
                    {mine ? null : <th scope="col">{t('escalations.fields.raisedBy')}</th>}
                    <th scope="col">{t('escalations.fields.raisedAt')}</th>
                    <th scope="col">{t('escalations.fields.notifications')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">
                        <Link to={`/escalations/${e.id}`}>
                          {t('escalations.about', { name: e.patronName })}
                        </Link>
                        {e.campaignName ? (
                          <span className="cell-note">{e.campaignName}</span>
                        ) : null}
                      </th>
                      <td>
                        <LevelBadge level={e.level} />
                      </td>
                      <td>
                        <EscalationStatusBadge status={e.status} />{' '}
                        {e.acknowledgedBy && e.status !== 'open' ? (
                          <span className="cell-note">
                            {t('escalations.acknowledgedByShort', { name: e.acknowledgedBy })}
                          </span>
                        ) : null}
                      </td>
                      {mine ? null : (
                        <td>
                          {e.source === 'missed_calls'
                            ? t('escalations.source.missed_calls')
                            : (e.raisedBy ?? t('escalations.unknownStaff'))}
                        </td>
                      )}
                      <td className="nowrap">{dateTime(e.raisedAt, ui)}</td>
                      <td>
                        {e.notifications === 0
                          ? t('escalations.notNotifiedYet')
                          : t('escalations.notifiedTimes', { count: e.notifications })}
                        {e.notifications > 1 ? (
                          <span className="cell-note">{t('escalations.renotified')}</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
