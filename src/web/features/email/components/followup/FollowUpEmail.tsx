import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sendFollowUpEmailInput } from '../../../../../shared/schemas/email.js';
import { errorMessage } from '../../../../components/form/errorMessage';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { useSendFollowUpEmail } from '../../hooks/useMailings';
import { useTemplates } from '../../hooks/useTemplates';
import { maskAddress } from '../format';
import { refusalText } from '../refusal';
import { FollowUpFields } from './FollowUpFields';
import '../../../../styles/email.css';

export interface FollowUpPatron {
  patronId: number;
  name: string;
  /** Their addresses as the call card shows them, masked. */
  emails: readonly string[];
}

export interface FollowUpEmailProps {
  /** The claim on the call: the server checks the caller still holds it. */
  claimToken: string;
  /** Everyone on the call; the e-mail goes to one of them. */
  patrons: readonly FollowUpPatron[];
  /** The services the campaign offers, named in the interface language. */
  services: readonly { key: string; name: string }[];
  /** The services ticked "wants help with" in the script: ticked here to begin with. */
  wanted: readonly string[];
}

/**
 * "Send follow-up e-mail" on the calling screen: the links the patron asked for, by e-mail,
 * while the caller still holds the call. Only offered when someone on the call has an address;
 * focus comes back to the button when the dialog closes.
 */
export function FollowUpEmail({ claimToken, patrons, services, wanted }: FollowUpEmailProps) {
  const { t } = useTranslation();
  const send = useSendFollowUpEmail();
  const reachable = patrons.filter((p) => p.emails.length > 0);
  const [open, setOpen] = useState(false);
  const templates = useTemplates(open);
  const followUps = (templates.data ?? []).filter(
    (tpl) => tpl.purpose === 'follow_up' && !tpl.archived,
  );
  const [patronId, setPatronId] = useState(reachable[0]?.patronId ?? 0);
  const [addressIndex, setAddressIndex] = useState(0);
  const [chosen, setChosen] = useState('');
  // With one follow-up template there is nothing to choose.
  const templateId = chosen === '' && followUps.length === 1 ? String(followUps[0]?.id) : chosen;
  const [serviceKeys, setServiceKeys] = useState<string[]>([]);
  const [result, setResult] = useState<string>();
  const form = useFormErrors({
    idPrefix: 'follow-up',
    labels: {
      patronId: t('email.followUp.to'),
      addressIndex: t('email.followUp.address'),
      templateId: t('email.followUp.template'),
      serviceKeys: t('email.followUp.services'),
    },
  });
  if (reachable.length === 0) return null;
  const patron = reachable.find((p) => p.patronId === patronId) ?? reachable[0];

  const start = () => {
    form.clear();
    setResult(undefined);
    setServiceKeys(services.map((s) => s.key).filter((key) => wanted.includes(key)));
    setOpen(true);
  };
  const submit = () => {
    if (send.isPending || !patron) return;
    const input = form.validate(sendFollowUpEmailInput, {
      claimToken,
      patronId: patron.patronId,
      addressIndex,
      // Not chosen: reported as a missing field.
      templateId: (templateId === '' ? undefined : Number(templateId)) as number,
      serviceKeys,
    });
    if (input === undefined) return;
    send.mutate(input, {
      onSuccess: (message) => {
        setOpen(false);
        setResult(t('email.followUp.queued', { address: maskAddress(message.toAddress) }));
      },
      onError: (error) => form.showApiError(error, refusalText(error, t)),
    });
  };
  return (
    <div className="follow-up">
      <Button variant="secondary" onClick={start}>
        {t('email.followUp.open')}
      </Button>
      <StatusMessage message={result} />
      <ConfirmDialog
        open={open}
        title={t('email.followUp.title')}
        confirmLabel={send.isPending ? t('email.followUp.sending') : t('email.followUp.send')}
        busy={send.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={submit}
      >
        {open && patron ? (
          <>
            <ErrorSummary
              focusKey={form.failures}
              items={form.summaryItems}
              formError={form.formError}
            />
            {templates.isPending ? <Loading label={t('app.loading')} /> : null}
            {templates.isError ? (
              <Alert tone="error">{errorMessage(templates.error, t)}</Alert>
            ) : null}
            <FollowUpFields
              templates={followUps}
              patrons={reachable}
              patron={patron}
              onPatron={(id) => {
                setPatronId(id);
                setAddressIndex(0);
              }}
              addressIndex={addressIndex}
              onAddress={setAddressIndex}
              services={services}
              templateId={templateId}
              onTemplate={setChosen}
              serviceKeys={serviceKeys}
              onServices={setServiceKeys}
              errors={form.errors}
              fieldId={form.fieldId}
            />
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
