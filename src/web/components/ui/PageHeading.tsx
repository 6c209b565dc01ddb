import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';

export interface PageHeadingProps {
  title: string;
  /** Shown under the heading. */
  lead?: ReactNode;
}

/**
 * The page's one h1. Sets document.title and, after an in-app navigation, takes focus so screen
 * reader users hear where they arrived and keyboard users start from the page's content.
 */
export function PageHeading({ title, lead }: PageHeadingProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  // The page first loaded keeps the browser's natural focus (key "default"); pages reached
  // inside the app move it to their heading. A new query string (a filter) is not a new page.
  const { key, pathname } = useLocation();

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  useEffect(() => {
    if (key !== 'default') ref.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new path is a new page
  }, [pathname]);

  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1} className="page-heading__title">
        {title}
      </h1>
      {lead ? <div className="page-heading__lead">{lead}</div> : null}
    </div>
  );
}
