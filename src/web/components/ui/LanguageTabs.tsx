import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface LanguageTabsProps {
  /** Prefix for the tab and panel ids. */
  id: string;
  label: string;
  languages: readonly string[];
  current: string;
  onChange: (language: string) => void;
  nameOf: (language: string) => string;
  children: ReactNode;
}

/**
 * Tabs, one per language, over a single panel. Arrow keys move between tabs (the ARIA tabs
 * pattern), Tab goes on to the panel.
 */
export function LanguageTabs({
  id,
  label,
  languages,
  current,
  onChange,
  nameOf,
  children,
}: LanguageTabsProps) {
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = languages.indexOf(current);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % languages.length;
    if (event.key === 'ArrowLeft') next = (index - 1 + languages.length) % languages.length;
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = languages.length - 1;
    const language = next === undefined ? undefined : languages[next];
    if (language === undefined) return;
    event.preventDefault();
    onChange(language);
    refs.current.get(language)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list" onKeyDown={onKeyDown}>
        {languages.map((language) => (
          <button
            key={language}
            ref={(element) => {
              if (element) refs.current.set(language, element);
              else refs.current.delete(language);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${language}`}
            aria-selected={language === current}
            aria-controls={`${id}-panel`}
            tabIndex={language === current ? 0 : -1}
            className="tabs__tab"
            onClick={() => onChange(language)}
          >
            {nameOf(language)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${current}`}
        className="tabs__panel"
      >
        {children}
      </div>
    </div>
  );
}
