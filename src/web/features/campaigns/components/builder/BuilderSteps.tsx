import { useTranslation } from 'react-i18next';
import { BUILDER_STEPS, type BuilderStep } from './draft';

export interface BuilderStepsProps {
  current: BuilderStep;
  /** False until the first step is saved: the campaign does not exist yet. */
  available: boolean;
  onChoose: (step: BuilderStep) => void;
}

/** The list of steps; the current one is marked with aria-current="step". */
export function BuilderSteps({ current, available, onChoose }: BuilderStepsProps) {
  const { t } = useTranslation();
  return (
    <nav className="stepper" aria-label={t('builder.stepsLabel')}>
      <ol className="stepper__list">
        {BUILDER_STEPS.map((step, index) => {
          const isCurrent = step === current;
          const label = t(`builder.steps.${step}`);
          return (
            <li
              key={step}
              className={isCurrent ? 'stepper__item stepper__item--current' : 'stepper__item'}
            >
              {available && !isCurrent ? (
                <button type="button" className="stepper__button" onClick={() => onChoose(step)}>
                  <span className="stepper__number">{index + 1}</span> {label}
                </button>
              ) : (
                <span
                  className="stepper__button"
                  aria-current={isCurrent ? 'step' : undefined}
                  aria-disabled={isCurrent ? undefined : true}
                >
                  <span className="stepper__number">{index + 1}</span> {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
