import type { TextareaHTMLAttributes } from 'react';
import { FieldMessages } from './FieldMessages';
import { describedBy } from './fieldIds';

export interface TextAreaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'onChange' | 'value' | 'id'
> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
}

/** A labelled multi-line input whose hint and error are read out with it. */
export function TextArea({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  rows = 3,
  className,
  ...rest
}: TextAreaProps) {
  return (
    <div className={['field', error ? 'field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea
        {...rest}
        id={id}
        name={id}
        rows={rows}
        className="field__input field__textarea"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}
