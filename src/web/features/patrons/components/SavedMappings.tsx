import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { errorMessage } from '../../../components/form/errorMessage';
import type { FieldMapping, SavedMapping } from '../api/types';
import { useSaveMapping, useSavedMappings } from '../hooks/useImports';

export interface SavedMappingsProps {
  layout: string;
  mapping: FieldMapping;
  onApply: (saved: SavedMapping) => void;
}

/** Reuse a mapping saved for an earlier file, or save this one for next time. */
export function SavedMappings({ layout, mapping, onApply }: SavedMappingsProps) {
  const { t } = useTranslation();
  const saved = useSavedMappings();
  const save = useSaveMapping();
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string>();
  const [done, setDone] = useState<string>();
  const items = saved.data ?? [];

  const onSave = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameError(t('validation.required'));
      document.getElementById('mapping-name')?.focus();
      return;
    }
    setNameError(undefined);
    save.mutate(
      { name: name.trim(), layout, mapping },
      {
        onSuccess: (result) => {
          setDone(t('imports.mapping.savedDone', { name: result.name }));
          setName('');
        },
      },
    );
  };

  const onApplyChosen = () => {
    const mappingToApply = items.find((item) => String(item.id) === chosen);
    if (!mappingToApply) return;
    onApply(mappingToApply);
    setDone(t('imports.mapping.applied', { name: mappingToApply.name }));
  };

  return (
    <div className="saved-mappings">
      {items.length > 0 ? (
        <div className="inline-form">
          <SelectField
            id="mapping-saved"
            label={t('imports.mapping.savedLabel')}
            value={chosen}
            options={[
              { value: '', label: t('imports.mapping.chooseSaved') },
              ...items.map((item) => ({ value: String(item.id), label: item.name })),
            ]}
            onChange={setChosen}
          />
          <Button variant="secondary" onClick={onApplyChosen} disabled={chosen === ''}>
            {t('imports.mapping.apply')}
          </Button>
        </div>
      ) : null}
      <form className="inline-form" onSubmit={onSave} noValidate>
        <TextField
          id="mapping-name"
          label={t('imports.mapping.name')}
          hint={t('imports.mapping.nameHint')}
          value={name}
          onChange={setName}
          error={nameError}
          maxLength={100}
        />
        <Button type="submit" variant="secondary" busy={save.isPending}>
          {t('imports.mapping.save')}
        </Button>
      </form>
      {save.isError ? <Alert tone="error">{errorMessage(save.error, t)}</Alert> : null}
      <StatusMessage message={done} />
    </div>
  );
}
