import { useTranslation } from 'react-i18next';
import type { Service } from '../../../../../shared/schemas/campaigns.js';
import type { ScriptStep } from '../../../../../shared/schemas/scripts.js';
import { inLanguage } from '../../../../app/catalogue';
import { Button } from '../../../../components/ui/Button';
import { CheckboxGroup } from '../../../../components/ui/CheckboxGroup';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextArea } from '../../../../components/ui/TextArea';
import { TextField } from '../../../../components/ui/TextField';
import { STEP_TYPES, freshId, withType, type StepType } from './editing';

export interface StepEditorProps {
  /** Id of the step's fieldset; its fields add their own suffixes. */
  id: string;
  number: number;
  step: ScriptStep;
  steps: readonly ScriptStep[];
  language: string;
  services: readonly Service[];
  uiLanguage: string;
  problems: readonly string[];
  onChange: (step: ScriptStep) => void;
  onRemove: () => void;
}

/** One step of the script being edited: its kind, words, and where each answer leads. */
export function StepEditor({
  id,
  number,
  step,
  steps,
  language,
  services,
  uiLanguage,
  problems,
  onChange,
  onRemove,
}: StepEditorProps) {
  const { t } = useTranslation();
  const others = steps.filter((s) => s.id !== step.id);
  const fallback = others[0]?.id ?? step.id;
  const targets = steps.map((s, index) => ({
    value: s.id,
    label: t('editor.stepOption', { number: index + 1, title: s.title || t('editor.untitled') }),
  }));
  const name = step.title || t('editor.untitled');
  return (
    <fieldset id={id} tabIndex={-1} className="fieldset editor-step card">
      <legend className="editor-step__legend">
        {t('editor.stepLegend', { number, title: name })}
      </legend>
      {problems.length > 0 ? (
        <ul className="field__error editor-step__problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      <div className="form">
        <SelectField
          id={`${id}-type`}
          label={t('editor.type')}
          value={step.type}
          options={STEP_TYPES.map((type) => ({ value: type, label: t(`outline.types.${type}`) }))}
          onChange={(type: StepType) => onChange(withType(step, type, fallback))}
        />
        <TextField
          id={`${id}-title`}
          label={t('editor.title')}
          lang={language}
          value={step.title}
          onChange={(title) => onChange({ ...step, title })}
        />
        <TextArea
          id={`${id}-text`}
          label={t('editor.text')}
          hint={t('editor.textHint', { example: '{{patron.firstName}}' })}
          lang={language}
          value={step.text}
          onChange={(text) => onChange({ ...step, text })}
        />
        {step.type === 'question' ? (
          <fieldset className="fieldset field">
            <legend className="field__label">{t('editor.answers')}</legend>
            <ol className="editor-answers">
              {step.answers.map((answer, index) => (
                <li key={answer.id} className="editor-answers__item">
                  <TextField
                    id={`${id}-${answer.id}-label`}
                    label={t('editor.answerLabel', { number: index + 1 })}
                    lang={language}
                    value={answer.label}
                    onChange={(label) =>
                      onChange({
                        ...step,
                        answers: step.answers.map((a) =>
                          a.id === answer.id ? { ...a, label } : a,
                        ),
                      })
                    }
                  />
                  <SelectField
                    id={`${id}-${answer.id}-next`}
                    label={t('editor.answerNext', { number: index + 1 })}
                    value={answer.next}
                    options={targets}
                    onChange={(next) =>
                      onChange({
                        ...step,
                        answers: step.answers.map((a) => (a.id === answer.id ? { ...a, next } : a)),
                      })
                    }
                  />
                  {step.answers.length > 1 ? (
                    <Button
                      variant="quiet"
                      onClick={() =>
                        onChange({
                          ...step,
                          answers: step.answers.filter((a) => a.id !== answer.id),
                        })
                      }
                    >
                      {t('editor.removeAnswer', { number: index + 1 })}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ol>
            <p>
              <Button
                variant="secondary"
                onClick={() =>
                  onChange({
                    ...step,
                    answers: [
                      ...step.answers,
                      {
                        id: freshId(
                          'answer',
                          step.answers.map((a) => a.id),
                        ),
                        label: '',
                        next: fallback,
                      },
                    ],
                  })
                }
              >
                {t('editor.addAnswer')}
                <span className="visually-hidden"> {t('editor.toStep', { title: name })}</span>
              </Button>
            </p>
          </fieldset>
        ) : null}
        {step.type === 'services' ? (
          <CheckboxGroup
            id={`${id}-services`}
            legend={t('editor.services')}
            hint={t('editor.servicesHint')}
            options={services.map((s) => ({ value: s.key, label: inLanguage(s.name, uiLanguage) }))}
            values={step.services}
            onChange={(keys) => onChange({ ...step, services: keys })}
          />
        ) : null}
        {step.type === 'say' || step.type === 'services' ? (
          <SelectField
            id={`${id}-next`}
            label={t('editor.next')}
            value={step.next}
            options={targets}
            onChange={(next) => onChange({ ...step, next })}
          />
        ) : null}
        <p>
          <Button variant="danger" disabled={steps.length < 2} onClick={onRemove}>
            {t('editor.removeStep', { title: name })}
          </Button>
        </p>
      </div>
    </fieldset>
  );
}
