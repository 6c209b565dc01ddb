import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** Current only on this exact path, not on the pages under it. */
  end?: boolean;
  /** A count beside the label (e.g. tasks waiting), part of the link's accessible name. */
  badge?: NavBadge;
}

export interface NavBadge {
  /** What is shown: short ("3", "2 · 1 urgent"). */
  text: string;
  /** What is read out after the label ("3 open tasks, 1 overdue"). */
  label: string;
  /** Something urgent waits: the badge stands out (its words say so too). */
  urgent?: boolean;
}

export interface LayoutProps {
  nav: readonly NavItem[];
  /** Right-hand side of the header: who is signed in, language, sign-out. */
  tools: ReactNode;
  children: ReactNode;
}

/** The page frame: skip link, header with navigation, main content, footer. */
export function Layout({ nav, tools, children }: LayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipLink')}
      </a>
      <header className="header">
        <div className="header__inner">
          <Link to="/" className="brand">
            <img className="brand__mark" src="/favicon.svg" alt="" width={28} height={28} />
            <span className="brand__name">{t('app.name')}</span>
          </Link>
          <div className="header__tools">{tools}</div>
        </div>
        {nav.length > 0 ? (
          <nav className="nav" aria-label={t('app.mainNav')}>
            <ul className="nav__list">
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end ?? false} className="nav__link">
                    {item.label}
                    {item.badge ? (
                      <>
                        <span
                          className={
                            item.badge.urgent ? 'nav__badge nav__badge--urgent' : 'nav__badge'
                          }
                          aria-hidden="true"
                        >
                          {item.badge.text}
                        </span>
                        <span className="visually-hidden">{`, ${item.badge.label}`}</span>
                      </>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
