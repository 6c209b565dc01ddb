import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** Current only on this exact path, not on the pages under it. */
  end?: boolean;
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
