import { Checkbox } from './Checkbox';
import { FieldMessages } from './FieldMessages';
import { describedBy } from './fieldIds';

export interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  hint?: string;
  error?: string;
}

/** A set of checkboxes under one legend; `values` keeps the order of `options`. */
export function CheckboxGroup({
  id,
  legend,
  options,
  values,
  onChange,
  hint,
  error,
}: CheckboxGroupProps) {
  const toggle = (value: string, on: boolean) => {
    const next = new Set(values);
    if (on) next.add(value);
    else next.delete(value);
    onChange(options.map((o) => o.value).filter((v) => next.has(v)));
  };
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={['field', 'fieldset', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="field__label">{legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      <div className="checkbox-grid">
        {options.map((option) => (
          <Checkbox
            key={option.value}
            id={`${id}-${option.value}`}
            label={option.label}
            checked={values.includes(option.value)}
            onChange={(on) => toggle(option.value, on)}
          />
        ))}
      </div>
    </fieldset>
  );
}
