import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/Button';
import { TextArea } from '../../../../components/ui/TextArea';
import { TextField } from '../../../../components/ui/TextField';
import {
  MAX_ICE_SERVERS,
  emptyIceRow,
  iceField,
  nextIceKey,
  type IcePart,
  type IceRow,
} from './telephonyForm';

export interface IceServersFieldsetProps {
  rows: IceRow[];
  onChange: (rows: IceRow[]) => void;
  /** A row was removed: the errors shown belong to rows that moved. */
  onRemoved: () => void;
  fieldId: (field: string) => string;
  errors: Partial<Record<string, string>>;
}

/**
 * STUN and TURN servers, one group of fields per server. Adding a server moves focus to its
 * URLs; removing one moves it to "Add an ICE server", so keyboard users are never left nowhere.
 */
export function IceServersFieldset({
  rows,
  onChange,
  onRemoved,
  fieldId,
  errors,
}: IceServersFieldsetProps) {
  const { t } = useTranslation();
  const focusNext = useRef<string | null>(null);
  const addId = fieldId('ice-add');
  useEffect(() => {
    const id = focusNext.current;
    if (id === null) return;
    focusNext.current = null;
    document.getElementById(id)?.focus();
  }, [rows]);

  const update = (index: number, part: IcePart, value: string) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, [part]: value } : row)));
  const add = () => {
    focusNext.current = fieldId(iceField(rows.length, 'urls'));
    onChange([...rows, emptyIceRow(nextIceKey(rows))]);
  };
  const remove = (index: number) => {
    focusNext.current = addId;
    onChange(rows.filter((_, i) => i !== index));
    onRemoved();
  };
  const listError = errors.iceServers;

  return (
    <fieldset
      id={fieldId('iceServers')}
      tabIndex={-1}
      className="fieldset"
      aria-describedby="telephony-ice-lead"
    >
      <legend className="field__label">{t('telephony.settings.fields.iceServers')}</legend>
      <div className="form">
        <p id="telephony-ice-lead" className="field__hint">
          {t('telephony.settings.hints.iceServers')}
        </p>
        {listError ? (
          <p className="field__error">
            <span className="visually-hidden">{t('form.errorPrefix')} </span>
            {listError}
          </p>
        ) : null}
        {rows.length === 0 ? <p className="muted">{t('telephony.settings.ice.none')}</p> : null}
        {rows.map((row, index) => {
          const number = index + 1;
          const id = (part: IcePart) => fieldId(iceField(index, part));
          return (
            <fieldset key={row.key} className="fieldset">
              <legend className="field__label">
                {t('telephony.settings.ice.server', { number })}
              </legend>
              <div className="form">
                <TextArea
                  id={id('urls')}
                  label={t('telephony.settings.ice.urls')}
                  hint={t('telephony.settings.ice.urlsHint')}
                  rows={2}
                  autoComplete="off"
                  spellCheck={false}
                  value={row.urls}
                  onChange={(value) => update(index, 'urls', value)}
                  error={errors[iceField(index, 'urls')]}
                />
                <TextField
                  id={id('username')}
                  label={t('telephony.settings.ice.username')}
                  hint={t('telephony.settings.ice.turnOnly')}
                  autoComplete="off"
                  spellCheck={false}
                  value={row.username}
                  onChange={(value) => update(index, 'username', value)}
                  error={errors[iceField(index, 'username')]}
                />
                <TextField
                  id={id('credential')}
                  label={t('telephony.settings.ice.credential')}
                  hint={t('telephony.settings.ice.turnOnly')}
                  autoComplete="off"
                  spellCheck={false}
                  value={row.credential}
                  onChange={(value) => update(index, 'credential', value)}
                  error={errors[iceField(index, 'credential')]}
                />
                <div className="form__actions">
                  <Button variant="secondary" onClick={() => remove(index)}>
                    {t('telephony.settings.ice.remove', { number })}
                  </Button>
                </div>
              </div>
            </fieldset>
          );
        })}
        {rows.length < MAX_ICE_SERVERS ? (
          <div className="form__actions">
            <Button id={addId} variant="secondary" onClick={add}>
              {t('telephony.settings.ice.add')}
            </Button>
          </div>
        ) : (
          <p className="muted">{t('telephony.settings.ice.max', { count: MAX_ICE_SERVERS })}</p>
        )}
      </div>
    </fieldset>
  );
}
