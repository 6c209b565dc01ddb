import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role } from '../../../../shared/roles.js';
import { useCurrentUser } from '../../../app/session';
import { PageHeading } from '../../../components/ui/PageHeading';

interface Destination {
  to: string;
  title:
    | 'patrons'
    | 'importPatrons'
    | 'staff'
    | 'audit'
    | 'settings'
    | 'results'
    | 'work'
    | 'escalations'
    | 'referralServices';
}

/** What each role can open today; the rest is said plainly as "coming", never faked. */
const DESTINATIONS: Record<Role, readonly Destination[]> = {
  admin: [
    { to: '/work', title: 'work' },
    { to: '/escalations', title: 'escalations' },
    { to: '/results', title: 'results' },
    { to: '/patrons', title: 'patrons' },
    { to: '/patrons/import', title: 'importPatrons' },
    { to: '/staff', title: 'staff' },
    { to: '/audit', title: 'audit' },
    { to: '/settings', title: 'settings' },
  ],
  coordinator: [
    { to: '/work', title: 'work' },
    { to: '/escalations', title: 'escalations' },
    { to: '/results', title: 'results' },
    { to: '/patrons', title: 'patrons' },
    { to: '/patrons/import', title: 'importPatrons' },
    { to: '/settings', title: 'settings' },
  ],
  caller: [
    { to: '/work', title: 'work' },
    { to: '/referral-services', title: 'referralServices' },
    { to: '/settings', title: 'settings' },
  ],
  viewer: [
    { to: '/results', title: 'results' },
    { to: '/settings', title: 'settings' },
  ],
};

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeading
        title={t('home.title', { name: user.name })}
        lead={<p>{t(`home.intro.${user.role}`)}</p>}
      />
      <section aria-labelledby="home-now">
        <h2 id="home-now">{t('home.nowTitle')}</h2>
        <ul className="cards">
          {DESTINATIONS[user.role].map((destination) => (
            <li key={destination.to} className="card card--link">
              <h3 className="card__title">
                <Link to={destination.to}>{t(`nav.${destination.title}`)}</Link>
              </h3>
              <p>{t(`home.destinations.${destination.title}`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="home-next" className="next">
        <h2 id="home-next">{t('home.nextTitle')}</h2>
        <p>{t(`home.next.${user.role}`)}</p>
      </section>
    </>
  );
}
