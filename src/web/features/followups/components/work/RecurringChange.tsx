import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  FREQUENCIES,
  type Frequency,
  type RecurringCalls,
  type UpdateRecurringCallsInput,
} from '../../../../../shared/schemas/followups.js';
import { useCurrentUser } from '../../../../app/session';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useUpdateRecurringCalls } from '../../hooks/useRecurring';
import { useStaffWhoCall } from '../../hooks/useWork';
import { dateInputValue, firstCallAt } from '../format';
import { refusalText } from '../refusal';

type Field = 'frequency' | 'callerId' | 'nextCallAt';

/** The day and time entered, as "YYYY-MM-DD HH:MM": a real moment. */
const nextCallForm = z.object({
  nextCallAt: z.string().refine((v) => {
    const [day = '', time = ''] = v.split(' ');
    return firstCallAt(day, time) !== undefined;
  }),
});

const pad = (n: number) => String(n).padStart(2, '0');
const timeOf = (iso: string) => {
  const at = new Date(iso);
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
};

/**
 * "Change" on a patron's recurring calls: how often, who calls (me, anyone, or — coordinators —
 * another caller) and when the next call is. Only what changed is sent.
 */
export function RecurringChange({
  recurring,
  onResult,
}: {
  recurring: RecurringCalls;
  onResult: (message: string) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const coordinator = user.role === 'admin' || user.role === 'coordinator';
  const [open, setOpen] = useState(false);
  const staff = useStaffWhoCall(open && coordinator);
  const update = useUpdateRecurringCalls();
  const [frequency, setFrequency] = useState<Frequency>(recurring.frequency);
  const [caller, setCaller] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('');
  const form = useFormErrors<Field>({
    idPrefix: `recurring-${recurring.id}`,
    labels: {
      frequency: t('recurringEnrol.frequency'),
      callerId: t('recurringEnrol.caller'),
      nextCallAt: t('work.recurring.nextDay'),
    },
  });
  const callerValue = (id: number | null) => (id === null ? 'anyone' : String(id));

  const start = () => {
    form.clear();
    setFrequency(recurring.frequency);
    setCaller(callerValue(recurring.caller?.id ?? null));
    setDay(dateInputValue(recurring.nextCallAt));
    setTime(timeOf(recurring.nextCallAt));
    setOpen(true);
  };
  const submit = () => {
    if (update.isPending) return;
    const checked = form.validate(nextCallForm, { nextCallAt: `${day} ${time}` });
    const next = firstCallAt(day, time);
    if (checked === undefined || next === undefined) return;
    const input: UpdateRecurringCallsInput = {};
    if (frequency !== recurring.frequency) input.frequency = frequency;
    if (caller !== callerValue(recurring.caller?.id ?? null))
      input.callerId = caller === 'anyone' ? null : Number(caller);
    if (next !== new Date(recurring.nextCallAt).toISOString()) input.nextCallAt = next;
    if (Object.keys(input).length === 0) {
      setOpen(false);
      return;
    }
    update.mutate(
      { id: recurring.id, input },
      {
        onSuccess: () => {
          setOpen(false);
          onResult(t('work.recurring.changed.updated', { name: recurring.patronName }));
        },
        onError: (error) => form.showApiError(error, refusalText(error, t)),
      },
    );
  };
  const others = (staff.data ?? []).filter((s) => s.id !== user.id);
  return (
    <>
      <Button
        variant="quiet"
        aria-label={t('work.recurring.changeFor', { name: recurring.patronName })}
        onClick={start}
      >
        {t('work.recurring.change')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('work.recurring.changeFor', { name: recurring.patronName })}
        confirmLabel={t('work.recurring.save')}
        busy={update.isPending}
        onConfirm={submit}
        onCancel={() => setOpen(false)}
      >
        {open ? (
          <div className="form">
            <ErrorSummary
              focusKey={form.failures}
              items={form.summaryItems}
              formError={form.formError}
            />
            <SelectField
              id={form.fieldId('frequency')}
              label={t('recurringEnrol.frequency')}
              value={frequency}
              options={FREQUENCIES.map((f) => ({
                value: f,
                label: t(`recurringEnrol.frequencies.${f}`),
              }))}
              onChange={(v) => setFrequency(v)}
              error={form.errors.frequency}
            />
            <SelectField
              id={form.fieldId('callerId')}
              label={t('recurringEnrol.caller')}
              hint={t('recurringEnrol.callerHint')}
              value={caller}
              options={[
                { value: String(user.id), label: t('recurringEnrol.me') },
                { value: 'anyone', label: t('recurringEnrol.anyone') },
                ...(recurring.caller && recurring.caller.id !== user.id
                  ? [{ value: String(recurring.caller.id), label: recurring.caller.name }]
                  : []),
                ...others
                  .filter((s) => s.id !== recurring.caller?.id)
                  .map((s) => ({ value: String(s.id), label: s.name })),
              ]}
              onChange={setCaller}
              error={form.errors.callerId}
            />
            <TextField
              id={form.fieldId('nextCallAt')}
              type="date"
              label={t('work.recurring.nextDay')}
              value={day}
              onChange={setDay}
              error={form.errors.nextCallAt}
            />
            <TextField
              id={`recurring-${recurring.id}-time`}
              type="time"
              label={t('recurringEnrol.time')}
              hint={t('recurringEnrol.timeHint')}
              value={time}
              onChange={setTime}
            />
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
