import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import type { PatronProof } from '../../../../shared/schemas/followups.js';
import { currentLanguage } from '../../../app/i18n';
import { errorMessage } from '../../../components/form/errorMessage';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { Alert, Loading } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { Checkbox } from '../../../components/ui/Checkbox';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { FieldMessages } from '../../../components/ui/FieldMessages';
import { SelectField } from '../../../components/ui/SelectField';
import { TextArea } from '../../../components/ui/TextArea';
import { TextField } from '../../../components/ui/TextField';
import { describedBy } from '../../../components/ui/fieldIds';
import { useCreateReferral, useReferralServices } from '../hooks/useReferrals';
import { dateOnly, daysLater, endOfDay } from './format';
import { refusalText } from './refusal';

type Field = 'serviceId' | 'consent' | 'shared' | 'note' | 'followUpAt';

/** What the form checks before asking the server (which checks it all again). */
const referralForm = z.object({
  serviceId: z.string().min(1),
  consent: z.literal(true),
  shared: z.string().trim().max(2000),
  note: z.string().trim().max(4000),
  followUpAt: z.string().refine((day) => endOfDay(day) !== undefined),
});

/** A week from now: a sensible time to check that the referral worked. */
const FOLLOW_UP_DAYS = 7;

export interface ReferDialogProps {
  patronId: number;
  /** Why this staff member may act for the patron: their task, or the escalation. */
  proof: PatronProof;
  escalationId: number | null;
  onDone: (message: string) => void;
}

/**
 * "Refer to a service": a service from the directory, the patron's consent (required), what was
 * shared with the service, a note, and when to check it worked — which becomes a task.
 */
export function ReferDialog({ patronId, proof, escalationId, onDone }: ReferDialogProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const [open, setOpen] = useState(false);
  const services = useReferralServices(false, open);
  const refer = useCreateReferral();
  const [serviceId, setServiceId] = useState('');
  const [consent, setConsent] = useState(false);
  const [shared, setShared] = useState('');
  const [note, setNote] = useState('');
  const [followUpAt, setFollowUpAt] = useState('');
  const form = useFormErrors<Field>({
    idPrefix: 'referral',
    labels: {
      serviceId: t('referrals.fields.service'),
      consent: t('referrals.fields.consentLegend'),
      shared: t('referrals.fields.shared'),
      note: t('referrals.fields.note'),
      followUpAt: t('referrals.fields.followUpAt'),
    },
    messages: {
      serviceId: t('validation.choose'),
      consent: t('referrals.consentRequired'),
    },
  });

  const start = () => {
    form.clear();
    setServiceId('');
    setConsent(false);
    setShared('');
    setNote('');
    setFollowUpAt(daysLater(new Date(), FOLLOW_UP_DAYS));
    setOpen(true);
  };
  const submit = () => {
    if (refer.isPending) return;
    const checked = form.validate(referralForm, {
      serviceId,
      // Not ticked: reported as a missing consent.
      consent: consent as true,
      shared,
      note,
      followUpAt,
    });
    const due = endOfDay(followUpAt);
    if (checked === undefined || due === undefined) return;
    refer.mutate(
      {
        patronId,
        serviceId: Number(serviceId),
        consent: true,
        shared: checked.shared,
        note: checked.note,
        followUpAt: due,
        escalationId,
        proof,
      },
      {
        onSuccess: (referral) => {
          setOpen(false);
          onDone(
            t('referrals.made', {
              service: referral.serviceName,
              date: dateOnly(referral.followUpAt, ui),
            }),
          );
        },
        onError: (error) => form.showApiError(error, refusalText(error, t)),
      },
    );
  };
  const consentId = form.fieldId('consent');
  return (
    <>
      <Button variant="secondary" onClick={start}>
        {t('referrals.open')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('referrals.title')}
        confirmLabel={refer.isPending ? t('referrals.saving') : t('referrals.save')}
        busy={refer.isPending}
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
            {services.isPending ? <Loading label={t('app.loading')} /> : null}
            {services.isError ? (
              <Alert tone="error">{errorMessage(services.error, t)}</Alert>
            ) : null}
            <SelectField
              id={form.fieldId('serviceId')}
              label={t('referrals.fields.service')}
              hint={
                services.data?.length === 0 ? t('referrals.noServices') : t('referrals.serviceHint')
              }
              value={serviceId}
              options={[
                { value: '', label: t('referrals.chooseService') },
                ...(services.data ?? []).map((s) => ({ value: String(s.id), label: s.name })),
              ]}
              onChange={setServiceId}
              error={form.errors.serviceId}
            />
            <p className="muted">
              <Link to="/referral-services" target="_blank" rel="noopener">
                {t('referrals.directoryLink')}
              </Link>
            </p>
            <fieldset
              id={consentId}
              tabIndex={-1}
              className={['field', 'fieldset', form.errors.consent ? 'field--invalid' : '']
                .filter(Boolean)
                .join(' ')}
              aria-describedby={describedBy(consentId, true, form.errors.consent)}
            >
              <legend className="field__label">{t('referrals.fields.consentLegend')}</legend>
              <FieldMessages
                id={consentId}
                hint={t('referrals.consentHint')}
                error={form.errors.consent}
              />
              <Checkbox
                id="referral-consent-box"
                label={t('referrals.fields.consent')}
                checked={consent}
                onChange={setConsent}
              />
            </fieldset>
            <TextArea
              id={form.fieldId('shared')}
              label={t('referrals.fields.shared')}
              hint={t('referrals.sharedHint')}
              value={shared}
              onChange={setShared}
              error={form.errors.shared}
              maxLength={2000}
            />
            <TextArea
              id={form.fieldId('note')}
              label={t('referrals.fields.note')}
              value={note}
              onChange={setNote}
              error={form.errors.note}
              maxLength={4000}
            />
            <TextField
              id={form.fieldId('followUpAt')}
              type="date"
              label={t('referrals.fields.followUpAt')}
              hint={t('referrals.followUpHint')}
              value={followUpAt}
              onChange={setFollowUpAt}
              error={form.errors.followUpAt}
            />
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
