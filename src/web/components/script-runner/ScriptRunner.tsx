import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Service } from '../../../shared/schemas/campaigns.js';
import type { ScriptStep, ScriptVersionBody } from '../../../shared/schemas/scripts.js';
import { inLanguage } from '../../app/catalogue';
import { Button } from '../ui/Button';
import { renderMerge, type MergeValues } from './merge';
import { ServiceTicks, type ServiceTick } from './ServiceTicks';

export type { ServiceTick } from './ServiceTicks';

export interface ScriptRunnerProps {
  /** The steps to walk, in the patron's language. */
  version: ScriptVersionBody;
  merge: MergeValues;
  /** The services a services step may offer (those of the campaign). */
  services: readonly Service[];
  onAnswer?: (step: ScriptStep, answerId: string | null, next: string) => void;
  /** Going back to a step: the answer given there no longer holds. */
  onBack?: (step: ScriptStep) => void;
  onServicesChange?: (ticks: Record<string, ServiceTick>) => void;
  /** Shown beside the End heading, e.g. "Record the outcome". */
  endActions?: ReactNode;
}

function nextOf(step: ScriptStep): string | undefined {
  return step.type === 'say' || step.type === 'services' ? step.next : undefined;
}

/**
 * Walks a call script one step at a time. Every answer is a button; the new step's heading takes
 * focus, so keyboard and screen reader users carry on from it, and the step is announced.
 */
export function ScriptRunner({
  version,
  merge,
  services,
  onAnswer,
  onBack,
  onServicesChange,
  endActions,
}: ScriptRunnerProps) {
  const { t } = useTranslation();
  const [path, setPath] = useState<string[]>([version.start]);
  const [ticks, setTicks] = useState<Record<string, ServiceTick>>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const currentId = path.at(-1) ?? version.start;
  const step = version.steps.find((s) => s.id === currentId);
  const stepNumber = path.length;

  useEffect(() => {
    // The first step keeps the page's focus; later ones take it so the walk goes on from there.
    if (moved.current) headingRef.current?.focus();
  }, [currentId, stepNumber]);

  const go = (next: string, answerId: string | null) => {
    if (!step) return;
    moved.current = true;
    onAnswer?.(step, answerId, next);
    setPath((current) => [...current, next]);
  };
  const back = () => {
    if (path.length < 2) return;
    moved.current = true;
    const returnedTo = version.steps.find((s) => s.id === path.at(-2));
    if (returnedTo) onBack?.(returnedTo);
    setPath((current) => current.slice(0, -1));
  };
  const changeTicks = (next: Record<string, ServiceTick>) => {
    setTicks(next);
    onServicesChange?.(next);
  };

  if (!step) {
    return (
      <div className="runner">
        <p className="alert alert--error">{t('runner.missingStep', { id: currentId })}</p>
      </div>
    );
  }

  const offered =
    step.type === 'services'
      ? step.services.length > 0
        ? services.filter((s) => step.services.includes(s.key))
        : services
      : [];
  const following = nextOf(step);

  return (
    <div className="runner">
      <p role="status" className="visually-hidden">
        {t('runner.announce', { number: stepNumber, title: step.title })}
      </p>
      <p className="runner__progress" aria-hidden="true">
        {t('runner.stepNumber', { number: stepNumber })}
        {step.type === 'end' ? ` · ${t('runner.end')}` : ''}
      </p>
      <h3 ref={headingRef} tabIndex={-1} className="runner__title" lang={version.language}>
        {step.title}
      </h3>
      <p className="runner__text" lang={version.language}>
        {renderMerge(step.text, merge)}
      </p>
      {step.type === 'services' && offered.length > 0 ? (
        <ServiceTicks
          services={offered}
          language={version.language}
          ticks={ticks}
          onChange={changeTicks}
          nameOf={(service) => inLanguage(service.name, version.language)}
          pointOf={(service) =>
            renderMerge(inLanguage(service.talkingPoint, version.language), merge)
          }
        />
      ) : null}
      <div className="runner__actions">
        {step.type === 'question'
          ? step.answers.map((answer) => (
              <Button
                key={answer.id}
                variant="secondary"
                lang={version.language}
                onClick={() => go(answer.next, answer.id)}
              >
                {renderMerge(answer.label, merge)}
              </Button>
            ))
          : null}
        {following !== undefined ? (
          <Button onClick={() => go(following, null)}>{t('runner.continue')}</Button>
        ) : null}
        {step.type === 'end' ? endActions : null}
      </div>
      {path.length > 1 ? (
        <p>
          <Button variant="quiet" onClick={back}>
            {t('runner.back')}
          </Button>
        </p>
      ) : null}
    </div>
  );
}
