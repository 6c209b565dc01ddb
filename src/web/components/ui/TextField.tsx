import type { InputHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages';
import { describedBy } from './fieldIds';

export interface TextFieldProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'onChange' | 'value' | 'id'
> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** A labelled input whose hint and error are read out with it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  type = 'text',
  className,
  ...rest
}: TextFieldProps) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input
        {...rest}
        id={id}
        name={id}
        type={type}
        className="field__input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
