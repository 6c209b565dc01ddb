import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Script } from '../../../../../shared/schemas/scripts.js';
import { MERGE_FIELDS } from '../../../../../shared/schemas/scripts.js';
import { useServices } from '../../../../app/catalogue';
import { currentLanguage } from '../../../../app/i18n';
import { isApiError } from '../../../../api/client';
import { errorMessage } from '../../../../components/form/errorMessage';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { LanguageTabs } from '../../../../components/ui/LanguageTabs';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { checkScript, type ScriptProblem } from '../../api/campaigns';
import { useSaveScript } from '../../hooks/useCampaigns';
import { languageName } from '../format';
import { ScriptProblems } from './ScriptProblems';
import {
  STEP_TYPES,
  newStep,
  problemLanguage,
  toInput,
  type EditedScript,
  type StepType,
} from './editing';
import { localProblems } from './localCheck';
import { StepEditor } from './StepEditor';

const EDITOR_LANGUAGES = ['en', 'fr'] as const;

export interface ScriptEditorProps {
  initial: EditedScript;
  /** null: saved as a new script. */
  scriptId: number | null;
  onSaved: (script: Script) => void;
  onCancel: () => void;
}

/** Writes or changes a script, one language at a time; Check asks the server what is wrong. */
export function ScriptEditor({ initial, scriptId, onSaved, onCancel }: ScriptEditorProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const services = useServices().data ?? [];
  const save = useSaveScript();
  const [script, setScript] = useState(initial);
  const [language, setLanguage] = useState(initial.versions[0]?.language ?? 'en');
  const [addType, setAddType] = useState<StepType>('say');
  const [problems, setProblems] = useState<ScriptProblem[] | null>(null);
  const [failure, setFailure] = useState<string>();
  const [checks, setChecks] = useState(0);
  const [saved, setSaved] = useState<string>();
  const checking = useRef(false);
  const version = script.versions.find((v) => v.language === language);
  const prefix = (lang: string) => `editor-${lang}`;

  const setVersion = (change: Partial<NonNullable<typeof version>>) =>
    setScript((current) => ({
      ...current,
      versions: current.versions.map((v) => (v.language === language ? { ...v, ...change } : v)),
    }));
  const showProblems = (found: ScriptProblem[]) => {
    setProblems(found);
    setChecks((n) => n + 1);
  };
  const check = async () => {
    if (checking.current) return;
    checking.current = true;
    setFailure(undefined);
    const local = localProblems(script, t);
    if (local.length > 0) {
      checking.current = false;
      showProblems(local);
      return;
    }
    try {
      showProblems((await checkScript(toInput(script))).problems);
    } catch (error) {
      setFailure(errorMessage(error, t));
    } finally {
      checking.current = false;
    }
  };
  const onSave = () => {
    setSaved(undefined);
    setFailure(undefined);
    const local = localProblems(script, t);
    if (local.length > 0) return showProblems(local);
    save.mutate(
      { id: scriptId, input: toInput(script) },
      {
        onSuccess: (result) => {
          setProblems(null);
          setSaved(t('editor.saved', { name: result.name }));
          onSaved(result);
        },
        onError: (error) => {
          const found = isApiError(error)
            ? (error.details as { scriptProblems?: ScriptProblem[] } | undefined)?.scriptProblems
            : undefined;
          if (found && found.length > 0) showProblems(found);
          else setFailure(errorMessage(error, t));
        },
      },
    );
  };
  const missing = EDITOR_LANGUAGES.filter((l) => !script.versions.some((v) => v.language === l));
  const source = version ?? script.versions[0];

  const stepsPanel = version ? (
    <div className="editor__version">
      <SelectField
        id={`${prefix(language)}-start`}
        label={t('editor.start')}
        value={version.start}
        options={version.steps.map((s, index) => ({
          value: s.id,
          label: t('editor.stepOption', {
            number: index + 1,
            title: s.title || t('editor.untitled'),
          }),
        }))}
        onChange={(start) => setVersion({ start })}
      />
      <ol className="editor__steps">
        {version.steps.map((step, index) => (
          <li key={step.id}>
            <StepEditor
              id={`${prefix(language)}-${step.id}`}
              number={index + 1}
              step={step}
              steps={version.steps}
              language={language}
              services={services}
              uiLanguage={ui}
              problems={(problems ?? [])
                .filter(
                  (p) =>
                    p.stepId === step.id &&
                    problemLanguage(p.message, script.defaultLanguage) === language,
                )
                .map((p) => p.message)}
              onChange={(changed) =>
                setVersion({ steps: version.steps.map((s) => (s.id === step.id ? changed : s)) })
              }
              onRemove={() => setVersion({ steps: version.steps.filter((s) => s.id !== step.id) })}
            />
          </li>
        ))}
      </ol>
      <div className="inline-form">
        <SelectField
          id={`${prefix(language)}-add-type`}
          label={t('editor.newStepType')}
          value={addType}
          options={STEP_TYPES.map((type) => ({ value: type, label: t(`outline.types.${type}`) }))}
          onChange={setAddType}
        />
        <Button
          variant="secondary"
          onClick={() => {
            const step = newStep(
              addType,
              version.steps.map((s) => s.id),
              version.start,
            );
            setVersion({ steps: [...version.steps, step] });
            window.setTimeout(() =>
              document.getElementById(`${prefix(language)}-${step.id}-title`)?.focus(),
            );
          }}
        >
          {t('editor.addStep')}
        </Button>
      </div>
    </div>
  ) : null;

  return (
    <section className="editor card" aria-labelledby="editor-title">
      <h3 id="editor-title">{scriptId === null ? t('editor.newTitle') : t('editor.editTitle')}</h3>
      <div className="form">
        <TextField
          id="editor-name"
          label={t('editor.name')}
          autoComplete="off"
          value={script.name}
          onChange={(name) => setScript({ ...script, name })}
        />
        <TextField
          id="editor-description"
          label={t('editor.description')}
          autoComplete="off"
          value={script.description}
          onChange={(description) => setScript({ ...script, description })}
        />
        <p className="field__hint">
          {t('editor.mergeFields')} {MERGE_FIELDS.map((f) => `{{${f}}}`).join(', ')}
        </p>
      </div>
      <LanguageTabs
        id="editor-languages"
        label={t('editor.languages')}
        languages={script.versions.map((v) => v.language)}
        current={language}
        onChange={setLanguage}
        nameOf={(code) => languageName(code, ui)}
      >
        {stepsPanel}
      </LanguageTabs>
      {source
        ? missing.map((lang) => (
            <p key={lang}>
              <Button
                variant="secondary"
                onClick={() => {
                  setScript({
                    ...script,
                    versions: [...script.versions, { ...source, language: lang }],
                  });
                  setLanguage(lang);
                }}
              >
                {t('editor.addLanguage', {
                  language: languageName(lang, ui),
                  from: languageName(source.language, ui),
                })}
              </Button>
            </p>
          ))
        : null}
      {problems !== null ? (
        <ScriptProblems
          focusKey={checks}
          problems={problems}
          targetOf={(problem) => {
            const lang = problemLanguage(problem.message, script.defaultLanguage);
            return problem.stepId === null
              ? null
              : { id: `${prefix(lang)}-${problem.stepId}`, language: lang };
          }}
          onGo={(target) => {
            setLanguage(target.language);
            window.setTimeout(() => document.getElementById(target.id)?.focus());
          }}
        />
      ) : null}
      {failure ? (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      ) : null}
      <div className="form__actions">
        <Button variant="secondary" onClick={() => void check()}>
          {t('editor.check')}
        </Button>
        <Button busy={save.isPending} onClick={onSave}>
          {save.isPending ? t('common.saving') : t('editor.save')}
        </Button>
        <Button variant="quiet" onClick={onCancel}>
          {t('editor.close')}
        </Button>
      </div>
      <StatusMessage message={saved} />
    </section>
  );
}
