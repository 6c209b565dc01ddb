import type { ReactNode } from 'react';

export interface CheckboxProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  lang?: string;
}

export function Checkbox({ id, label, checked, onChange, lang }: CheckboxProps) {
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        className="checkbox__input"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="checkbox__label" htmlFor={id} lang={lang}>
        {label}
      </label>
    </div>
  );
}
