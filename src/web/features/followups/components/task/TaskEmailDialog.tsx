import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendTaskEmailInput, type Task } from '../../../../../shared/schemas/followups.js';
import { inLanguage, useServices } from '../../../../app/catalogue';
import { MailModeNoticePart } from '../../../../app/emailParts';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { CheckboxGroup } from '../../../../components/ui/CheckboxGroup';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { useFollowUpTemplates, useSendTaskEmail } from '../../hooks/useTasks';
import { refusalText } from '../refusal';

type Field = 'templateId' | 'addressIndex' | 'serviceKeys';

/** The heading of the task's actions, where focus goes once the e-mail closed the task. */
export const ACTIONS_HEADING = 'task-actions';

/**
 * "Send the link by e-mail": the patron gets the links they asked for (a follow-up template, one
 * of their addresses, the services ticked), and the task is done with it. A refusal (unsubscribed,
 * no consent, relay paused…) is said with the server's reason, in the dialog.
 */
export function TaskEmailDialog({
  task,
  onDone,
}: {
  task: Task;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const [open, setOpen] = useState(false);
  const templates = useFollowUpTemplates(open);
  const services = useServices();
  const send = useSendTaskEmail();
  const [chosen, setChosen] = useState('');
  const [addressIndex, setAddressIndex] = useState(0);
  const [serviceKeys, setServiceKeys] = useState<string[]>([]);
  const form = useFormErrors<Field>({
    idPrefix: 'task-email',
    labels: {
      templateId: t('tasks.email.template'),
      addressIndex: t('tasks.email.address'),
      serviceKeys: t('tasks.email.services'),
    },
    messages: { templateId: t('validation.choose') },
  });
  const options = templates.data ?? [];
  // With one follow-up template there is nothing to choose.
  const templateId = chosen === '' && options.length === 1 ? String(options[0]?.id) : chosen;
  const emails = task.patron.emails;
  // Kept mounted once the task is closed (by this very e-mail), so the sending can finish here.
  const active = task.status === 'open' || task.status === 'in_progress';
  if (emails.length === 0 || !active) return null;

  const start = () => {
    form.clear();
    setAddressIndex(0);
    setServiceKeys(task.serviceKey ? [task.serviceKey] : []);
    setOpen(true);
  };
  const submit = () => {
    if (send.isPending) return;
    const input = form.validate(sendTaskEmailInput, {
      // Not chosen: reported as a missing field.
      templateId: (templateId === '' ? undefined : Number(templateId)) as number,
      addressIndex,
      serviceKeys,
    });
    if (input === undefined) return;
    send.mutate(
      { id: task.id, input },
      {
        onSuccess: () => {
          setOpen(false);
          onDone(t('tasks.email.sent', { address: emails[addressIndex] ?? '' }));
          // The task is done and this button gone: the keyboard carries on from the actions.
          window.setTimeout(() => document.getElementById(ACTIONS_HEADING)?.focus());
        },
        onError: (error) => form.showApiError(error, refusalText(error, t)),
      },
    );
  };
  return (
    <>
      <Button variant="primary" onClick={start}>
        {t('tasks.email.open')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('tasks.email.title')}
        confirmLabel={send.isPending ? t('tasks.email.sending') : t('tasks.email.send')}
        busy={send.isPending}
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
            <MailModeNoticePart />
            <p>{t('tasks.email.lead', { name: task.patron.name })}</p>
            {templates.isPending ? <Loading label={t('app.loading')} /> : null}
            {templates.isError ? (
              <Alert tone="error">{errorMessage(templates.error, t)}</Alert>
            ) : null}
            {emails.length > 1 ? (
              <SelectField
                id={form.fieldId('addressIndex')}
                label={t('tasks.email.address')}
                value={String(addressIndex)}
                options={emails.map((address, index) => ({
                  value: String(index),
                  label: address,
                }))}
                onChange={(value) => setAddressIndex(Number(value))}
                error={form.errors.addressIndex}
              />
            ) : (
              <p>{t('tasks.email.to', { address: emails[0] ?? '' })}</p>
            )}
            <SelectField
              id={form.fieldId('templateId')}
              label={t('tasks.email.template')}
              hint={
                templates.data && options.length === 0 ? t('tasks.email.noTemplates') : undefined
              }
              value={templateId}
              options={[
                { value: '', label: t('tasks.email.chooseTemplate') },
                ...options.map((tpl) => ({ value: String(tpl.id), label: tpl.name })),
              ]}
              onChange={setChosen}
              error={form.errors.templateId}
            />
            {services.data && services.data.length > 0 ? (
              <CheckboxGroup
                id={form.fieldId('serviceKeys')}
                legend={t('tasks.email.services')}
                hint={t('tasks.email.servicesHint')}
                options={services.data.map((s) => ({
                  value: s.key,
                  label: inLanguage(s.name, ui),
                }))}
                values={serviceKeys}
                onChange={setServiceKeys}
                error={form.errors.serviceKeys}
              />
            ) : null}
          </div>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
