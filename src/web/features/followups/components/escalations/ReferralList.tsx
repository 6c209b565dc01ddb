import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Referral } from '../../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../../app/i18n';
import { useCurrentUser } from '../../../../app/session';
import { dateOnly, dateTime } from '../format';

/**
 * Referrals made for this escalation, with what was shared and when it is checked. Read-only (for
 * the caller who raised it), a referral someone else made shows without its texts — the server
 * keeps them for the coordinators — and without a link to its check, which is not the caller's.
 */
export function ReferralList({
  referrals,
  readOnly = false,
}: {
  referrals: readonly Referral[];
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const me = useCurrentUser().id;
  const notMine = (r: Referral) => readOnly && r.createdById !== me;
  if (referrals.length === 0) return <p className="muted">{t('referrals.none')}</p>;
  return (
    <ul className="plain-list referral-list">
      {referrals.map((r) => (
        <li key={r.id} className="referral-list__item">
          <h3>{r.serviceName}</h3>
          <dl className="facts">
            <div>
              <dt>{t('referrals.fields.madeBy')}</dt>
              <dd>
                {t('referrals.madeOn', {
                  name: r.createdBy ?? t('escalations.unknownStaff'),
                  date: dateTime(r.createdAt, ui),
                })}
              </dd>
            </div>
            <div>
              <dt>{t('referrals.fields.consentAt')}</dt>
              <dd>{dateTime(r.consentAt, ui)}</dd>
            </div>
            <div>
              <dt>{t('referrals.fields.followUpAt')}</dt>
              <dd>
                {r.taskId === null || notMine(r) ? (
                  dateOnly(r.followUpAt, ui)
                ) : (
                  <Link to={`/work/tasks/${r.taskId}`}>
                    {t('referrals.followUpTask', { date: dateOnly(r.followUpAt, ui) })}
                  </Link>
                )}
              </dd>
            </div>
          </dl>
          {r.shared ? (
            <>
              <h4>{t('referrals.fields.shared')}</h4>
              <p className="prewrap">{r.shared}</p>
            </>
          ) : null}
          {r.note ? (
            <>
              <h4>{t('referrals.fields.note')}</h4>
              <p className="prewrap">{r.note}</p>
            </>
          ) : null}
          {notMine(r) && !r.shared && !r.note ? (
            <p className="muted">{t('escalations.mine.referralPrivate')}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
