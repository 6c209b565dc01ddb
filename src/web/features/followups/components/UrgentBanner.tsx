import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * On every page for coordinators and admins while an urgent wellbeing concern waits for someone
 * to acknowledge it. It is announced (role="alert") when the count goes up — a new concern, or the
 * first look after signing in — and otherwise stays a plain, labelled region.
 */
export function UrgentBanner({ urgentWaiting }: { urgentWaiting: number }) {
  const { t } = useTranslation();
  const [seen, setSeen] = useState(0);
  const [rising, setRising] = useState(false);
  if (urgentWaiting !== seen) {
    setRising(urgentWaiting > seen);
    setSeen(urgentWaiting);
  }
  if (urgentWaiting === 0) return null;
  return (
    <section className="urgent-banner" aria-label={t('work.banner.label')}>
      <div role={rising ? 'alert' : undefined} className="urgent-banner__body">
        <p className="urgent-banner__text">
          <span aria-hidden="true" className="urgent-banner__mark">
            !
          </span>{' '}
          <strong>{t('work.banner.text', { count: urgentWaiting })}</strong>{' '}
          <Link to="/escalations">{t('work.banner.link')}</Link>
        </p>
      </div>
    </section>
  );
}
