import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Escalation } from '../../../../../shared/schemas/followups.js';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Button } from '../../../../components/ui/Button';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { TextArea } from '../../../../components/ui/TextArea';
import type { EscalationStep } from '../../api/escalations';
import { useActOnEscalation } from '../../hooks/useEscalations';
import { ReferDialog } from '../ReferDialog';
import { refusalText } from '../refusal';

const optional = z.object({ text: z.string().trim().max(4000) });
const required = z.object({ text: z.string().trim().min(1).max(4000) });

type Run = (
  step: EscalationStep,
  text: string,
  done: string,
  handlers: { onSuccess: () => void; onError: (error: unknown) => void },
) => void;

interface StepFormProps {
  step: EscalationStep;
  run: Run;
  busy: boolean;
  /** The form's heading, also the text area's context. */
  title: string;
  label: string;
  hint?: string;
  needsText: boolean;
  button: string;
  done: string;
  danger?: boolean;
}

/** One thing a coordinator can do, with its words: a heading, a text area, a button. */
function StepForm(props: StepFormProps) {
  const { step, needsText, run } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const headingId = `escalation-${step}-title`;
  const form = useFormErrors({ idPrefix: `escalation-${step}`, labels: { text: props.label } });
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.busy) return;
    const input = form.validate(needsText ? required : optional, { text });
    if (input === undefined) return;
    run(step, input.text, props.done, {
      onSuccess: () => setText(''),
      onError: (error) => form.showApiError(error, refusalText(error, t)),
    });
  };
  return (
    <section className="escalation-step" aria-labelledby={headingId}>
      <h3 id={headingId}>{props.title}</h3>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextArea
          id={form.fieldId('text')}
          label={props.label}
          hint={props.hint}
          value={text}
          onChange={setText}
          error={form.errors.text}
          maxLength={4000}
          required={needsText}
        />
        <div className="form__actions">
          <Button type="submit" variant={props.danger ? 'danger' : 'primary'} busy={props.busy}>
            {props.button}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * What a coordinator can do with an escalation, as its state allows: acknowledge it (re-notifying
 * stops), record an action, refer the patron, close it with a resolution, or reopen it.
 */
export function EscalationActions({
  escalation,
  onDone,
}: {
  escalation: Escalation;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const closed = escalation.status === 'closed';
  const purged = escalation.purgedAt !== null;
  // The mutation lives here, not in each form: acknowledging or closing removes its own form,
  // and what follows (the message, where focus goes) must still happen.
  const act = useActOnEscalation(escalation.id);
  const heading = useRef<HTMLHeadingElement>(null);
  const run: Run = (step, text, done, handlers) => {
    if (act.isPending) return;
    act.mutate(
      { step, text },
      {
        onSuccess: () => {
          handlers.onSuccess();
          onDone(done);
          // Its form is gone: the keyboard carries on from what can be done next.
          if (step !== 'actions') window.setTimeout(() => heading.current?.focus());
        },
        onError: handlers.onError,
      },
    );
  };
  const busy = (step: EscalationStep) => act.isPending && act.variables.step === step;
  const common = { run };
  return (
    <section className="card followup-card" aria-labelledby="escalation-actions">
      <h2 id="escalation-actions" ref={heading} tabIndex={-1}>
        {t('escalations.actions.title')}
      </h2>
      {closed ? null : (
        <p className="form__actions">
          <ReferDialog
            patronId={escalation.patron.id}
            proof={{ escalationId: escalation.id }}
            escalationId={escalation.id}
            onDone={onDone}
          />
        </p>
      )}
      {escalation.status === 'open' ? (
        <StepForm
          {...common}
          step="acknowledge"
          busy={busy('acknowledge')}
          title={t('escalations.actions.acknowledgeTitle')}
          label={t('escalations.actions.acknowledgeNote')}
          hint={t('escalations.actions.acknowledgeHint')}
          needsText={false}
          button={t('escalations.actions.acknowledge')}
          done={t('escalations.actions.acknowledged')}
        />
      ) : null}
      {purged ? null : (
        <StepForm
          {...common}
          step="actions"
          busy={busy('actions')}
          title={t('escalations.actions.recordTitle')}
          label={t('escalations.actions.recordText')}
          hint={t('escalations.actions.recordHint')}
          needsText
          button={t('escalations.actions.record')}
          done={t('escalations.actions.recorded')}
        />
      )}
      {closed ? null : (
        <StepForm
          {...common}
          step="close"
          busy={busy('close')}
          title={t('escalations.actions.closeTitle')}
          label={t('escalations.actions.resolution')}
          hint={t('escalations.actions.resolutionHint')}
          needsText
          button={t('escalations.actions.close')}
          done={t('escalations.actions.closed')}
        />
      )}
      {closed && !purged ? (
        <StepForm
          {...common}
          step="reopen"
          busy={busy('reopen')}
          title={t('escalations.actions.reopenTitle')}
          label={t('escalations.actions.reopenNote')}
          needsText={false}
          button={t('escalations.actions.reopen')}
          done={t('escalations.actions.reopened')}
        />
      ) : null}
    </section>
  );
}
