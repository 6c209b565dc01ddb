import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OUTCOME_SHORTCUTS,
  OUTCOMES,
  type CallCard,
  type Outcome,
} from '../../../../shared/schemas/calls.js';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary, type SummaryItem } from '../../../components/ui/ErrorSummary';
import { SelectField } from '../../../components/ui/SelectField';
import { CallbackFields } from './CallbackFields';
import { EmailConsentFields } from './EmailConsentFields';
import { displayName } from './format';
import { OutcomeDetails } from './OutcomeDetails';
import type { DraftField, OutcomeDraft } from './outcomeDraft';

export interface OutcomePanelProps {
  call: CallCard;
  draft: OutcomeDraft;
  onChange: (change: Partial<OutcomeDraft>) => void;
  onChoose: (outcome: Outcome) => void;
  problems: Partial<Record<DraftField, string>>;
  /** Changes on each failed save, so the summary takes focus. */
  failures: number;
  formError: string | undefined;
  saving: boolean;
  onSave: () => void;
  headingRef: Ref<HTMLHeadingElement>;
  callbackRef: Ref<HTMLInputElement>;
}

export const OUTCOME_FIELD_IDS: Record<DraftField, string> = {
  outcome: 'outcome-choice',
  callbackAt: 'outcome-callbackAt',
  quoteText: 'outcome-quoteText',
};

/** The outcome in a few keystrokes: a letter per outcome, details only when there are some. */
export function OutcomePanel({
  call,
  draft,
  onChange,
  onChoose,
  problems,
  failures,
  formError,
  saving,
  onSave,
  headingRef,
  callbackRef,
}: OutcomePanelProps) {
  const { t } = useTranslation();
  const household = call.patrons.length > 1;
  const items: SummaryItem[] = (Object.keys(problems) as DraftField[]).flatMap((field) => {
    const message = problems[field];
    return message ? [{ fieldId: OUTCOME_FIELD_IDS[field], text: message }] : [];
  });
  const everyone = draft.outcome
    ? t(`calling.outcome.${draft.outcome}`)
    : t('calling.outcomes.none');
  return (
    <section className="call-panel outcome-panel" aria-labelledby="outcome-title">
      <h2 id="outcome-title" ref={headingRef} tabIndex={-1}>
        {t('calling.outcomes.title')}
      </h2>
      <ErrorSummary focusKey={failures} items={items} formError={formError} />
      <fieldset
        id={OUTCOME_FIELD_IDS.outcome}
        tabIndex={-1}
        className={['fieldset', 'field', problems.outcome ? 'field--invalid' : ''].join(' ')}
        aria-describedby="outcome-shortcuts-hint"
      >
        <legend className="field__label">
          {household ? t('calling.outcomes.forEveryone') : t('calling.outcomes.legend')}
        </legend>
        <p id="outcome-shortcuts-hint" className="field__hint">
          {t('calling.outcomes.hint')}
        </p>
        <div className="outcome-buttons">
          {OUTCOMES.map((outcome) => {
            const letter = OUTCOME_SHORTCUTS[outcome].toUpperCase();
            return (
              <button
                key={outcome}
                type="button"
                id={`outcome-${outcome}`}
                className="outcome-button"
                aria-pressed={draft.outcome === outcome}
                aria-keyshortcuts={letter}
                onClick={() => onChoose(outcome)}
              >
                <kbd className="outcome-button__key" aria-hidden="true">
                  {letter}
                </kbd>{' '}
                {t(`calling.outcome.${outcome}`)}
              </button>
            );
          })}
        </div>
      </fieldset>
      {household ? (
        <div className="per-person">
          {call.patrons.map((patron) => (
            <SelectField<Outcome | 'same'>
              key={patron.patronId}
              id={`outcome-person-${patron.patronId}`}
              label={t('calling.outcomes.forPerson', { name: displayName(patron) })}
              value={draft.perPerson[patron.patronId] ?? 'same'}
              options={[
                { value: 'same', label: t('calling.outcomes.same', { outcome: everyone }) },
                ...OUTCOMES.map((o) => ({ value: o, label: t(`calling.outcome.${o}`) })),
              ]}
              onChange={(value) => {
                const perPerson = Object.fromEntries(
                  Object.entries(draft.perPerson).filter(([id]) => Number(id) !== patron.patronId),
                );
                if (value !== 'same') perPerson[patron.patronId] = value;
                onChange({ perPerson });
              }}
            />
          ))}
        </div>
      ) : null}
      <CallbackFields
        call={call}
        draft={draft}
        onChange={onChange}
        error={problems.callbackAt}
        inputRef={callbackRef}
      />
      <EmailConsentFields call={call} draft={draft} onChange={onChange} />
      <OutcomeDetails
        call={call}
        draft={draft}
        onChange={onChange}
        quoteError={problems.quoteText}
      />
      <div className="form__actions">
        <Button onClick={onSave} busy={saving} aria-keyshortcuts="Control+Enter">
          {saving ? t('common.saving') : t('calling.outcomes.save')}
        </Button>
        <span className="muted">{t('calling.outcomes.saveHint')}</span>
      </div>
    </section>
  );
}
