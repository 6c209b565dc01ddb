import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Script } from '../../../../../shared/schemas/scripts.js';
import { useServices } from '../../../../app/catalogue';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { SelectField } from '../../../../components/ui/SelectField';
import { useScripts } from '../../hooks/useCampaigns';
import { ScriptEditor } from '../editor/ScriptEditor';
import { blankScript, editableCopy, type EditedScript } from '../editor/editing';
import { ScriptOutline } from '../ScriptOutline';
import type { StepProps } from './StepContent';

interface Editing {
  initial: EditedScript;
  scriptId: number | null;
}

/** Step 5: the call script, chosen from the library's scripts, previewed, or written here. */
export function ScriptStep({ draft, change, errors, fieldId }: StepProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const scripts = useScripts();
  const services = useServices().data ?? [];
  const [editing, setEditing] = useState<Editing | null>(null);
  if (scripts.isPending) return <Loading label={t('app.loading')} />;
  if (scripts.isError) return <Alert tone="error">{errorMessage(scripts.error, t)}</Alert>;
  const chosen = scripts.data.find((s) => s.id === draft.scriptId);
  const options = [
    { value: '', label: t('builder.script.none') },
    ...scripts.data.map((s) => ({ value: String(s.id), label: s.name })),
  ];
  const onSaved = (script: Script) => {
    change({ scriptId: script.id });
    setEditing(null);
  };
  return (
    <div className="script-step">
      <SelectField
        id={fieldId('scriptId')}
        label={t('builder.script.choose')}
        hint={t('builder.script.chooseHint')}
        value={draft.scriptId === null ? '' : String(draft.scriptId)}
        options={options}
        onChange={(value) => change({ scriptId: value === '' ? null : Number(value) })}
        error={errors.scriptId}
      />
      <div className="form__actions">
        <Button
          variant="secondary"
          onClick={() => setEditing({ initial: blankScript(ui), scriptId: null })}
        >
          {t('builder.script.new')}
        </Button>
        {chosen ? (
          <>
            <Button
              variant="secondary"
              onClick={() =>
                setEditing({
                  initial: editableCopy(
                    chosen,
                    t('builder.script.copyName', { name: chosen.name }),
                  ),
                  scriptId: null,
                })
              }
            >
              {t('builder.script.copy')}
            </Button>
            <Button
              variant="secondary"
              onClick={() =>
                setEditing({ initial: editableCopy(chosen, null), scriptId: chosen.id })
              }
            >
              {t('builder.script.edit')}
            </Button>
          </>
        ) : null}
      </div>
      {editing ? (
        <ScriptEditor
          key={`${editing.scriptId ?? 'new'}-${editing.initial.name}`}
          initial={editing.initial}
          scriptId={editing.scriptId}
          onSaved={onSaved}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {chosen && !editing ? (
        <section className="card" aria-labelledby="script-preview-title">
          <h3 id="script-preview-title">{t('builder.script.preview', { name: chosen.name })}</h3>
          {chosen.description ? <p>{chosen.description}</p> : null}
          <ScriptOutline
            key={chosen.id}
            id="script-preview"
            versions={chosen.versions}
            initialLanguage={ui}
            services={services}
            uiLanguage={ui}
          />
        </section>
      ) : null}
    </div>
  );
}
