import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailTemplate } from '../../../../../shared/schemas/email.js';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { FocusedAlert } from '../../../../components/ui/FocusedAlert';
import { useSaveTemplate, useSendTestEmail } from '../../hooks/useTemplates';
import { currentLanguage } from '../../../../app/i18n';
import { languageInText, maskAddress } from '../format';
import { refusalText } from '../refusal';

export interface TemplateActionsProps {
  template: EmailTemplate;
  /** The language tab open: the test is sent in it. */
  language: string;
  /** The form has changes not saved yet (the test sends the saved template). */
  unsaved: boolean;
}

/** For a saved template: send a test to oneself, archive or bring it back. */
export function TemplateActions({ template, language, unsaved }: TemplateActionsProps) {
  const { t } = useTranslation();
  const inText = languageInText(language, currentLanguage());
  const test = useSendTestEmail();
  const save = useSaveTemplate();
  const [message, setMessage] = useState<string>();
  const [failure, setFailure] = useState<{ text: string; key: number }>();
  const fail = (error: unknown) =>
    setFailure((f) => ({ text: refusalText(error, t), key: (f?.key ?? 0) + 1 }));
  const saved = template.versions.some((v) => v.language === language);
  const sendTest = () => {
    setMessage(undefined);
    setFailure(undefined);
    test.mutate(
      { id: template.id, language },
      {
        onSuccess: ({ toAddress }) =>
          setMessage(t('email.editor.testSent', { address: maskAddress(toAddress) })),
        onError: fail,
      },
    );
  };
  const archive = () => {
    setMessage(undefined);
    setFailure(undefined);
    const archived = !template.archived;
    save.mutate(
      { id: template.id, input: { archived } },
      {
        onSuccess: () =>
          setMessage(archived ? t('email.editor.archived') : t('email.editor.unarchived')),
        onError: fail,
      },
    );
  };
  return (
    <section className="card" aria-labelledby="template-actions-title">
      <h2 id="template-actions-title">{t('email.editor.actions')}</h2>
      {failure ? (
        <FocusedAlert focusKey={failure.key}>
          <p>{failure.text}</p>
        </FocusedAlert>
      ) : null}
      <p className="field__hint" id="template-test-hint">
        {saved
          ? unsaved
            ? t('email.editor.testUnsaved')
            : t('email.editor.testHint', { language: inText })
          : t('email.editor.testNotSaved', { language: inText })}
      </p>
      <div className="form__actions">
        <Button
          variant="secondary"
          busy={test.isPending}
          disabled={!saved}
          aria-describedby="template-test-hint"
          onClick={sendTest}
        >
          {test.isPending ? t('email.editor.testSending') : t('email.editor.test')}
        </Button>
        <Button variant="secondary" busy={save.isPending} onClick={archive}>
          {template.archived ? t('email.editor.unarchive') : t('email.editor.archive')}
        </Button>
      </div>
      <StatusMessage message={message} />
    </section>
  );
}
