import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  referralServiceInput,
  type ReferralService,
} from '../../../../../shared/schemas/followups.js';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Button } from '../../../../components/ui/Button';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { TextArea } from '../../../../components/ui/TextArea';
import { TextField } from '../../../../components/ui/TextField';
import { useSaveReferralService } from '../../hooks/useReferrals';
import { languagesOf } from '../format';

type Field = 'name' | 'helpsWith' | 'phone' | 'website' | 'languages' | 'hours' | 'notes';

export interface ReferralServiceFormProps {
  service: ReferralService | undefined;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** Adds a community service to the directory, or edits one. */
export function ReferralServiceForm({ service, onSaved, onCancel }: ReferralServiceFormProps) {
  const { t } = useTranslation();
  const save = useSaveReferralService();
  const [values, setValues] = useState({
    name: service?.name ?? '',
    helpsWith: service?.helpsWith ?? '',
    phone: service?.phone ?? '',
    website: service?.website ?? '',
    languages: service?.languages.join(', ') ?? '',
    hours: service?.hours ?? '',
    notes: service?.notes ?? '',
  });
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const labels: Record<Field, string> = {
    name: t('referrals.directory.fields.name'),
    helpsWith: t('referrals.directory.fields.helpsWith'),
    phone: t('referrals.directory.fields.phone'),
    website: t('referrals.directory.fields.website'),
    languages: t('referrals.directory.fields.languages'),
    hours: t('referrals.directory.fields.hours'),
    notes: t('referrals.directory.fields.notes'),
  };
  const form = useFormErrors<Field>({
    idPrefix: 'referral-service',
    labels,
    messages: { website: t('referrals.directory.websiteInvalid') },
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a button in the list: the keyboard starts from the form.
  useEffect(() => heading.current?.focus(), []);
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const input = form.validate(referralServiceInput, {
      ...values,
      website: values.website.trim(),
      languages: languagesOf(values.languages),
      archived: service?.archived ?? false,
    });
    if (input === undefined) return;
    save.mutate(
      { id: service?.id ?? null, input },
      {
        onSuccess: (saved) => onSaved(saved.name),
        onError: (error) => form.showApiError(error),
      },
    );
  };
  const field = (name: Field, extra: { hint?: string; type?: string } = {}) => (
    <TextField
      id={form.fieldId(name)}
      label={labels[name]}
      autoComplete="off"
      value={values[name]}
      onChange={set(name)}
      error={form.errors[name]}
      {...extra}
    />
  );
  const area = (name: Field, hint?: string) => (
    <TextArea
      id={form.fieldId(name)}
      label={labels[name]}
      hint={hint}
      value={values[name]}
      onChange={set(name)}
      error={form.errors[name]}
      rows={2}
    />
  );
  return (
    <section className="card followup-card" aria-labelledby="referral-service-form-title">
      <h2 id="referral-service-form-title" ref={heading} tabIndex={-1}>
        {service
          ? t('referrals.directory.editTitle', { name: service.name })
          : t('referrals.directory.addTitle')}
      </h2>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {field('name')}
        {area('helpsWith')}
        {field('phone', { type: 'tel', hint: t('referrals.directory.phoneHint') })}
        {field('website', { type: 'url', hint: t('referrals.directory.websiteHint') })}
        {field('languages', { hint: t('referrals.directory.languagesHint') })}
        {field('hours')}
        {area('notes')}
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
