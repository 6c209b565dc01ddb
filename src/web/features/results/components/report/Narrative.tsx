import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { TextArea } from '../../../../components/ui/TextArea';
import { currentLanguage } from '../../../../app/i18n';
import { formatDateTime } from '../../../../components/charts/format';
import { useSaveNarrative } from '../../hooks/useReport';
import { paragraphsOf } from '../figures';

export interface NarrativeProps {
  campaignId: number | null;
  narrative: string;
  updated: string | null;
  /** Coordinators and admins write it; viewers read it. */
  editable: boolean;
}

/** The coordinator's few sentences on what the campaign meant, as printed; editable in place. */
export function Narrative({ campaignId, narrative, updated, editable }: NarrativeProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const save = useSaveNarrative();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(narrative);
  const [saved, setSaved] = useState<string>();
  const editRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  // Closing the editor returns focus to the button that opened it, once it is shown again.
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editRef.current?.focus();
  }, [editing]);
  const paragraphs = paragraphsOf(narrative);
  if (!editable && paragraphs.length === 0) return null;
  const close = () => {
    refocus.current = true;
    setEditing(false);
  };
  const onSave = () => {
    if (save.isPending) return;
    setSaved(undefined);
    save.mutate(
      { campaignId, narrative: text },
      {
        onSuccess: () => {
          setSaved(t('results.report.saved'));
          close();
        },
      },
    );
  };
  return (
    <section
      className={['report__section', paragraphs.length === 0 ? 'report__section--empty' : '']
        .filter(Boolean)
        .join(' ')}
      aria-labelledby="report-narrative-title"
    >
      <h3 id="report-narrative-title">{t('results.report.narrative')}</h3>
      {editing ? (
        <form
          className="form no-print"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            onSave();
          }}
        >
          {save.isError ? <Alert tone="error">{errorMessage(save.error, t)}</Alert> : null}
          <TextArea
            id="report-narrative"
            label={t('results.report.narrativeLabel')}
            hint={t('results.report.narrativeHint')}
            value={text}
            rows={8}
            maxLength={3000}
            onChange={setText}
            // The editor opens on request: its field is where the person wants to type.
            autoFocus
          />
          <div className="form__actions">
            <Button type="submit" busy={save.isPending}>
              {save.isPending ? t('common.saving') : t('results.report.save')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                setText(narrative);
                save.reset();
                close();
              }}
            >
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          {paragraphs.length === 0 ? (
            <p className="muted no-print">{t('results.report.narrativeEmpty')}</p>
          ) : (
            <div className="report__narrative">
              {paragraphs.map((paragraph, index) => (
                <p key={index}>{paragraph}</p>
              ))}
            </div>
          )}
          {editable ? (
            <p className="no-print report__narrative-tools">
              <Button
                ref={editRef}
                variant="secondary"
                onClick={() => {
                  setText(narrative);
                  setSaved(undefined);
                  setEditing(true);
                }}
              >
                {t('results.report.edit')}
              </Button>
              {updated ? (
                <span className="muted">
                  {' '}
                  {t('results.report.updated', { time: formatDateTime(updated, ui) })}
                </span>
              ) : null}
            </p>
          ) : null}
        </>
      )}
      <StatusMessage message={saved} />
    </section>
  );
}
