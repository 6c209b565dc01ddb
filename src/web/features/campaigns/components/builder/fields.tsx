import { useState } from 'react';
import { TextField, type TextFieldProps } from '../../../../components/ui/TextField';
import { listOf, numberOf } from './draft';

type Props<V> = Omit<TextFieldProps, 'value' | 'onChange'> & {
  value: V;
  onChange: (value: V) => void;
};

/**
 * A whole number field. The typed text is kept as typed (an empty field is "no value"); the
 * number is handed on, NaN when it is not one, so validation can say so.
 */
export function NumberField({ value, onChange, ...rest }: Props<number | undefined>) {
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  return (
    <TextField
      {...rest}
      inputMode="numeric"
      value={text}
      onChange={(typed) => {
        setText(typed);
        onChange(numberOf(typed));
      }}
    />
  );
}

/** A list typed as comma-separated words ("CPL, MPL"); the text stays as typed while editing. */
export function ListField({ value, onChange, ...rest }: Props<string[] | undefined>) {
  const [text, setText] = useState((value ?? []).join(', '));
  return (
    <TextField
      {...rest}
      autoComplete="off"
      value={text}
      onChange={(typed) => {
        setText(typed);
        onChange(listOf(typed));
      }}
    />
  );
}
