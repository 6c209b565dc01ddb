import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../shared/schemas/campaigns.js';
import type { ScriptStep, ScriptVersionBody } from '../../../../shared/schemas/scripts.js';
import { inLanguage } from '../../../app/catalogue';
import { LanguageTabs } from '../../../components/ui/LanguageTabs';
import { walkOrder } from './editor/editing';
import { languageName } from './format';

export interface ScriptOutlineProps {
  /** Prefix for ids, unique on the page. */
  id: string;
  versions: readonly ScriptVersionBody[];
  initialLanguage: string;
  services: readonly Service[];
  uiLanguage: string;
}

function StepLink({ prefix, step }: { prefix: string; step: ScriptStep | undefined }) {
  const { t } = useTranslation();
  if (!step) return <span className="badge badge--error">{t('outline.missing')}</span>;
  return <a href={`#${prefix}-${step.id}`}>{step.title}</a>;
}

function Branches({
  step,
  prefix,
  version,
  services,
}: {
  step: ScriptStep;
  prefix: string;
  version: ScriptVersionBody;
  services: readonly Service[];
}) {
  const { t } = useTranslation();
  const find = (id: string) => version.steps.find((s) => s.id === id);
  switch (step.type) {
    case 'end':
      return <p className="outline__end">{t('outline.endsCall')}</p>;
    case 'question':
      return (
        <ul className="outline__answers">
          {step.answers.map((answer) => (
            <li key={answer.id}>
              <span lang={version.language}>“{answer.label}”</span> → {t('outline.goesTo')}{' '}
              <StepLink prefix={prefix} step={find(answer.next)} />
            </li>
          ))}
        </ul>
      );
    case 'services':
    case 'say': {
      const offered =
        step.type === 'services'
          ? services.filter((s) => step.services.length === 0 || step.services.includes(s.key))
          : [];
      return (
        <>
          {offered.length > 0 ? (
            <p>
              {t('outline.services')}{' '}
              <span lang={version.language}>
                {offered.map((s) => inLanguage(s.name, version.language)).join(', ')}
              </span>
            </p>
          ) : null}
          <p>
            → {t('outline.then')} <StepLink prefix={prefix} step={find(step.next)} />
          </p>
        </>
      );
    }
  }
}

/**
 * The script as an outline a screen reader reads in order: each step with its text, each answer
 * with the step it leads to (a link there), the start and the ends marked.
 */
export function ScriptOutline({
  id,
  versions,
  initialLanguage,
  services,
  uiLanguage,
}: ScriptOutlineProps) {
  const { t } = useTranslation();
  const languages = versions.map((v) => v.language);
  const [language, setLanguage] = useState(
    languages.includes(initialLanguage) ? initialLanguage : (languages[0] ?? ''),
  );
  const version = versions.find((v) => v.language === language);
  const prefix = `${id}-${language}`;
  const body = version ? (
    <ol className="outline">
      {walkOrder(version).map((step) => (
        <li key={step.id} id={`${prefix}-${step.id}`} tabIndex={-1} className="outline__step">
          <p className="outline__head">
            <strong lang={version.language}>{step.title}</strong>{' '}
            {step.id === version.start ? (
              <span className="badge badge--on">{t('outline.start')}</span>
            ) : null}{' '}
            <span className="badge badge--info">{t(`outline.types.${step.type}`)}</span>
          </p>
          <p className="outline__text" lang={version.language}>
            {step.text}
          </p>
          <Branches step={step} prefix={prefix} version={version} services={services} />
        </li>
      ))}
    </ol>
  ) : null;
  if (languages.length < 2) return body;
  return (
    <LanguageTabs
      id={id}
      label={t('outline.languages')}
      languages={languages}
      current={language}
      onChange={setLanguage}
      nameOf={(code) => languageName(code, uiLanguage)}
    >
      {body}
    </LanguageTabs>
  );
}
