import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CampaignSummary } from '../../../../../shared/schemas/campaigns.js';
import {
  FREQUENCIES,
  type Frequency,
  type PatronProof,
} from '../../../../../shared/schemas/followups.js';
import { api } from '../../../../api/client';
import { currentLanguage } from '../../../../app/i18n';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useEnrolRecurringCalls } from '../../hooks/useRecurring';
import { dateTime, daysLater, firstCallAt } from '../format';
import { refusalText } from '../refusal';

type Field = 'campaignId' | 'frequency' | 'caller' | 'day' | 'time';

const enrolForm = z.object({
  campaignId: z.string().min(1),
  frequency: z.enum(FREQUENCIES),
  caller: z.enum(['me', 'anyone']),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  time: z.string().regex(/^\d{2}:\d{2}$/),
});

export interface EnrolRecurringDialogProps {
  patronId: number;
  /** Why this staff member may act for the patron: the call they hold, or their task. */
  proof: PatronProof;
  /** The campaign offered first (the one being called). */
  campaignId: number | null;
  onDone: (message: string) => void;
}

/**
 * "Regular friendly calls": how often, who calls (me, or any of the campaign's callers), when the
 * first call is, and on which running phone campaign's call list the calls go.
 */
export function EnrolRecurringDialog({
  patronId,
  proof,
  campaignId,
  onDone,
}: EnrolRecurringDialogProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const [open, setOpen] = useState(false);
  const campaigns = useQuery({
    queryKey: ['campaigns', 'list'],
    queryFn: ({ signal }) =>
      api.get<{ items: CampaignSummary[] }>('/api/campaigns', undefined, signal),
    select: (data) => data.items.filter((c) => c.status === 'active' && c.channel !== 'email'),
    enabled: open,
  });
  const enrol = useEnrolRecurringCalls();
  const [campaign, setCampaign] = useState('');
  const [frequency, setFrequency] = useState<Frequency>('weekly');
  const [caller, setCaller] = useState<'me' | 'anyone'>('me');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('10:00');
  const form = useFormErrors<Field>({
    idPrefix: 'recurring',
    labels: {
      campaignId: t('recurringEnrol.campaign'),
      frequency: t('recurringEnrol.frequency'),
      caller: t('recurringEnrol.caller'),
      day: t('recurringEnrol.day'),
      time: t('recurringEnrol.time'),
    },
    messages: { campaignId: t('validation.choose') },
  });
  const chosenCampaign = campaign === '' && campaignId !== null ? String(campaignId) : campaign;

  const start = () => {
    form.clear();
    setCampaign('');
    setFrequency('weekly');
    setCaller('me');
    setDay(daysLater(new Date(), 7));
    setTime('10:00');
    setOpen(true);
  };
  const submit = () => {
    if (enrol.isPending) return;
    const checked = form.validate(enrolForm, {
      campaignId: chosenCampaign,
      frequency,
      caller,
      day,
      time,
    });
    const at = firstCallAt(day, time);
    if (checked === undefined || at === undefined) return;
    enrol.mutate(
      {
        patronId,
        campaignId: Number(checked.campaignId),
        frequency: checked.frequency,
        ...(checked.caller === 'anyone' ? { callerId: null } : {}),
        firstCallAt: at,
        proof,
      },
      {
        onSuccess: (enrolled) => {
          setOpen(false);
          onDone(
            t('recurringEnrol.done', {
              frequency: t(`recurringEnrol.frequencies.${enrolled.frequency}`),
              date: dateTime(enrolled.nextCallAt, ui),
            }),
          );
        },
        onError: (error) => form.showApiError(error, refusalText(error, t)),
      },
    );
  };
  // The campaign being called is listed even before the list arrives.
  const options = campaigns.data ?? [];
  return (
    <>
      <Button variant="secondary" onClick={start}>
        {t('recurringEnrol.open')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('recurringEnrol.title')}
        confirmLabel={enrol.isPending ? t('recurringEnrol.saving') : t('recurringEnrol.save')}
        busy={enrol.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={submit}
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
              id={form.fieldId('caller')}
              label={t('recurringEnrol.caller')}
              hint={t('recurringEnrol.callerHint')}
              value={caller}
              options={[
                { value: 'me', label: t('recurringEnrol.me') },
                { value: 'anyone', label: t('recurringEnrol.anyone') },
              ]}
              onChange={(v) => setCaller(v === 'anyone' ? 'anyone' : 'me')}
              error={form.errors.caller}
            />
            <TextField
              id={form.fieldId('day')}
              type="date"
              label={t('recurringEnrol.day')}
              value={day}
              onChange={setDay}
              error={form.errors.day}
            />
            <TextField
              id={form.fieldId('time')}
              type="time"
              label={t('recurringEnrol.time')}
              hint={t('recurringEnrol.timeHint')}
              value={time}
              onChange={setTime}
              error={form.errors.time}
            />
            <SelectField
              id={form.fieldId('campaignId')}
              label={t('recurringEnrol.campaign')}
              hint={t('recurringEnrol.campaignHint')}
              value={chosenCampaign}
              options={[
                { value: '', label: t('recurringEnrol.chooseCampaign') },
                ...options.map((c) => ({ value: String(c.id), label: c.name })),
              ]}
              onChange={setCampaign}
              error={form.errors.campaignId}
            />
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
