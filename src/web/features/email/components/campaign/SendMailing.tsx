import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useEmailAudience, useSendCampaignEmails } from '../../hooks/useMailings';
import { useTemplates } from '../../hooks/useTemplates';
import { dateTime, formatCount } from '../format';
import { refusalText } from '../refusal';
import { AudienceCounts } from './AudienceCounts';
import { scheduleToIso } from './schedule';

const NONE = '';

/** Now, or at a time still to come. */
const sendSchema = (now: Date) =>
  z.object({
    templateId: z.number().int(),
    scheduledAt: z.iso
      .datetime({ offset: true })
      .refine((value) => new Date(value) > now)
      .optional(),
  });

/** Chooses the template and the start, shows who it reaches, and sends after a confirmation. */
export function SendMailing({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const templates = useTemplates();
  const send = useSendCampaignEmails(campaignId);
  const [choice, setChoice] = useState(NONE);
  const [later, setLater] = useState(false);
  const [startsAt, setStartsAt] = useState('');
  const [asking, setAsking] = useState<{ templateId: number; scheduledAt?: string }>();
  const [sent, setSent] = useState<string>();
  const templateId = choice === NONE ? undefined : Number(choice);
  const audience = useEmailAudience(campaignId, templateId);
  const usable = (templates.data ?? []).filter(
    (tpl) => !tpl.archived && tpl.purpose !== 'follow_up',
  );
  const chosen = usable.find((tpl) => tpl.id === templateId);
  const eligible = audience.data?.eligible ?? 0;
  const nobody = templateId !== undefined && audience.isSuccess && eligible === 0;
  const form = useFormErrors({
    idPrefix: 'mailing',
    labels: { templateId: t('email.campaign.template'), scheduledAt: t('email.campaign.startsAt') },
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (send.isPending) return;
    setSent(undefined);
    const input = form.validate(sendSchema(new Date()), {
      // Not chosen: reported as a missing field.
      templateId: templateId as number,
      scheduledAt: later ? (scheduleToIso(startsAt) ?? startsAt) : undefined,
    });
    if (input !== undefined) setAsking(input);
  };

  const confirm = () => {
    if (!asking) return;
    send.mutate(asking, {
      onSuccess: ({ queued }) => {
        setAsking(undefined);
        setLater(false);
        setStartsAt('');
        setSent(t('email.campaign.queued', { count: queued, formatted: formatCount(queued, ui) }));
      },
      onError: (error) => {
        setAsking(undefined);
        form.showApiError(error, refusalText(error, t));
      },
    });
  };

  return (
    <>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      {templates.isError ? <Alert tone="error">{errorMessage(templates.error, t)}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id={form.fieldId('templateId')}
          label={t('email.campaign.template')}
          hint={usable.length === 0 && templates.data ? t('email.campaign.noTemplates') : undefined}
          value={choice}
          options={[
            { value: NONE, label: t('email.campaign.chooseTemplate') },
            ...usable.map((tpl) => ({
              value: String(tpl.id),
              label: t('email.campaign.templateOption', {
                name: tpl.name,
                kind: t(`email.class.${tpl.class}`),
              }),
            })),
          ]}
          onChange={setChoice}
          error={form.errors.templateId}
        />
        {templateId !== undefined ? (
          <section aria-labelledby="email-audience-title" aria-busy={audience.isFetching}>
            <h3 id="email-audience-title">{t('email.audience.title')}</h3>
            {audience.isPending ? <Loading label={t('app.loading')} /> : null}
            {audience.isError ? (
              <Alert tone="error">{errorMessage(audience.error, t)}</Alert>
            ) : null}
            {audience.data ? <AudienceCounts audience={audience.data} /> : null}
          </section>
        ) : null}
        <Checkbox
          id="mailing-later"
          label={t('email.campaign.later')}
          checked={later}
          onChange={setLater}
        />
        {later ? (
          <TextField
            id={form.fieldId('scheduledAt')}
            label={t('email.campaign.startsAt')}
            hint={t('email.campaign.startsAtHint')}
            type="datetime-local"
            value={startsAt}
            onChange={setStartsAt}
            error={form.errors.scheduledAt}
          />
        ) : null}
        <div className="form__actions">
          <Button type="submit" busy={send.isPending} disabled={nobody}>
            {audience.isSuccess
              ? t('email.campaign.send', { count: eligible, formatted: formatCount(eligible, ui) })
              : t('email.campaign.sendChosen')}
          </Button>
          {nobody ? <span className="muted">{t('email.campaign.nobody')}</span> : null}
        </div>
        <StatusMessage message={sent} />
      </form>
      <ConfirmDialog
        open={asking !== undefined}
        title={t('email.campaign.confirmTitle', {
          count: eligible,
          formatted: formatCount(eligible, ui),
          name: chosen?.name ?? '',
        })}
        confirmLabel={t('email.campaign.confirmSend')}
        busy={send.isPending}
        onCancel={() => setAsking(undefined)}
        onConfirm={confirm}
      >
        <p>
          {asking?.scheduledAt
            ? t('email.campaign.confirmLater', { when: dateTime(asking.scheduledAt, ui) })
            : t('email.campaign.confirmNow')}
        </p>
        <p>{t('email.campaign.confirmText')}</p>
      </ConfirmDialog>
    </>
  );
}
