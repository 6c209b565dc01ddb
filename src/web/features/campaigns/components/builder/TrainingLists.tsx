import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { TextArea } from '../../../../components/ui/TextArea';
import { TextField } from '../../../../components/ui/TextField';

/** After adding an item, its first field takes focus so typing can start at once. */
function focusSoon(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus());
}

export interface TextListProps {
  id: string;
  legend: string;
  itemLabel: (number: number) => string;
  addLabel: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
}

export function TextList({ id, legend, itemLabel, addLabel, items, onChange }: TextListProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset field list-editor">
      <legend className="field__label">{legend}</legend>
      <ol className="list-editor__items">
        {items.map((item, index) => (
          <li key={index} className="list-editor__item">
            <TextArea
              id={`${id}-${index}`}
              label={itemLabel(index + 1)}
              rows={2}
              value={item}
              onChange={(text) => onChange(items.map((old, i) => (i === index ? text : old)))}
            />
            <Button variant="quiet" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              {t('builder.training.remove')}
              <span className="visually-hidden"> {itemLabel(index + 1)}</span>
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={() => {
          onChange([...items, '']);
          focusSoon(`${id}-${items.length}`);
        }}
      >
        {addLabel}
      </Button>
    </fieldset>
  );
}

interface Part<K extends string> {
  key: K;
  label: (number: number) => string;
  long?: boolean;
}

export interface PairListProps<A extends string, B extends string> {
  id: string;
  legend: string;
  first: Part<A>;
  second: Part<B>;
  addLabel: string;
  items: readonly (Record<A, string> & Record<B, string>)[];
  onChange: (items: (Record<A, string> & Record<B, string>)[]) => void;
}

/** A list of two-part items: questions and answers, link labels and addresses. */
export function PairList<A extends string, B extends string>({
  id,
  legend,
  first,
  second,
  addLabel,
  items,
  onChange,
}: PairListProps<A, B>) {
  const { t } = useTranslation();
  type Item = Record<A, string> & Record<B, string>;
  const edit = (index: number, key: A | B, text: string) =>
    onChange(items.map((item, i) => (i === index ? { ...item, [key]: text } : item)));
  return (
    <fieldset className="fieldset field list-editor">
      <legend className="field__label">{legend}</legend>
      <ol className="list-editor__items">
        {items.map((item, index) => (
          <li key={index} className="list-editor__item">
            {[first, second].map((part) => {
              const props = {
                id: `${id}-${index}-${part.key}`,
                label: part.label(index + 1),
                value: item[part.key],
                onChange: (text: string) => edit(index, part.key, text),
              };
              return part.long ? (
                <TextArea key={part.key} {...props} rows={3} />
              ) : (
                <TextField key={part.key} {...props} autoComplete="off" />
              );
            })}
            <Button variant="quiet" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              {t('builder.training.remove')}
              <span className="visually-hidden"> {first.label(index + 1)}</span>
            </Button>
          </li>
        ))}
      </ol>
      <Button
        variant="secondary"
        onClick={() => {
          onChange([...items, { [first.key]: '', [second.key]: '' } as Item]);
          focusSoon(`${id}-${items.length}-${first.key}`);
        }}
      >
        {addLabel}
      </Button>
    </fieldset>
  );
}
