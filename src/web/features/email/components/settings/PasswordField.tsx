import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { TextField } from '../../../../components/ui/TextField';

export interface PasswordFieldProps {
  id: string;
  label: string;
  /** A password is saved: the field stays empty and says so. */
  saved: boolean;
  value: string;
  onChange: (value: string) => void;
  remove: boolean;
  onRemove: (remove: boolean) => void;
  error?: string;
}

/** A saved password is never shown: empty keeps it, a new one replaces it, a tick removes it. */
export function PasswordField({
  id,
  label,
  saved,
  value,
  onChange,
  remove,
  onRemove,
  error,
}: PasswordFieldProps) {
  const { t } = useTranslation();
  return (
    <div className="password-field">
      <TextField
        id={id}
        label={label}
        type="password"
        autoComplete="new-password"
        hint={saved ? t('email.settings.passwordSaved') : t('email.settings.passwordNone')}
        value={value}
        disabled={remove}
        onChange={onChange}
        error={error}
      />
      {saved ? (
        <Checkbox
          id={`${id}-remove`}
          label={t('email.settings.removePassword')}
          checked={remove}
          onChange={onRemove}
        />
      ) : null}
    </div>
  );
}
