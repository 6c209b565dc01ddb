import type { ReactNode } from 'react';

export interface CheckboxProps {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  lang?: string;
  /** Shown under the label and read out with it. */
  hint?: string;
}

export function Checkbox({ id, label, checked, onChange, lang, hint }: CheckboxProps) {
  const box = (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        className="checkbox__input"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label className="checkbox__label" htmlFor={id} lang={lang}>
        {label}
      </label>
    </div>
  );
  if (!hint) return box;
  return (
    <div className="checkbox-field">
      {box}
      <p id={`${id}-hint`} className="field__hint checkbox-field__hint">
        {hint}
      </p>
    </div>
  );
}
