import { useTranslation } from 'react-i18next';
import type { EmailTemplate } from '../../../../../shared/schemas/email.js';
import { CheckboxGroup } from '../../../../components/ui/CheckboxGroup';
import { SelectField } from '../../../../components/ui/SelectField';
import { MailModeNotice } from '../MailModeNotice';
import type { FollowUpEmailProps, FollowUpPatron } from './FollowUpEmail';

type Field = 'patronId' | 'addressIndex' | 'templateId' | 'serviceKeys';

export interface FollowUpFieldsProps extends Pick<FollowUpEmailProps, 'services'> {
  /** The follow-up templates there are to choose from. */
  templates: readonly EmailTemplate[];
  /** The people on the call who have an address. */
  patrons: readonly FollowUpPatron[];
  patron: FollowUpPatron;
  onPatron: (id: number) => void;
  addressIndex: number;
  onAddress: (index: number) => void;
  templateId: string;
  onTemplate: (id: string) => void;
  serviceKeys: string[];
  onServices: (keys: string[]) => void;
  errors: Partial<Record<Field, string>>;
  fieldId: (field: Field) => string;
}

/** Who gets the follow-up and at which address, with which template, and which links. */
export function FollowUpFields(props: FollowUpFieldsProps) {
  const { patrons, patron, services, errors, fieldId } = props;
  const { t } = useTranslation();
  return (
    <div className="form">
      <MailModeNotice withLink={false} />
      {patrons.length > 1 ? (
        <SelectField
          id={fieldId('patronId')}
          label={t('email.followUp.to')}
          value={String(patron.patronId)}
          options={patrons.map((p) => ({ value: String(p.patronId), label: p.name }))}
          onChange={(value) => props.onPatron(Number(value))}
          error={errors.patronId}
        />
      ) : null}
      {patrons.length === 1 && patron.emails.length === 1 ? (
        <p>{t('email.followUp.toOneAt', { name: patron.name, address: patron.emails[0] ?? '' })}</p>
      ) : patron.emails.length > 1 ? (
        <SelectField
          id={fieldId('addressIndex')}
          label={t('email.followUp.address')}
          value={String(props.addressIndex)}
          options={patron.emails.map((address, index) => ({
            value: String(index),
            label: address,
          }))}
          onChange={(value) => props.onAddress(Number(value))}
          error={errors.addressIndex}
        />
      ) : (
        <p>{t('email.followUp.addressOne', { address: patron.emails[0] ?? '' })}</p>
      )}
      {patrons.length === 1 && patron.emails.length > 1 ? (
        <p>{t('email.followUp.toOne', { name: patron.name })}</p>
      ) : null}
      <SelectField
        id={fieldId('templateId')}
        label={t('email.followUp.template')}
        hint={props.templates.length === 0 ? t('email.followUp.noTemplates') : undefined}
        value={props.templateId}
        options={[
          { value: '', label: t('email.followUp.chooseTemplate') },
          ...props.templates.map((tpl) => ({ value: String(tpl.id), label: tpl.name })),
        ]}
        onChange={props.onTemplate}
        error={errors.templateId}
      />
      {services.length > 0 ? (
        <CheckboxGroup
          id={fieldId('serviceKeys')}
          legend={t('email.followUp.services')}
          hint={t('email.followUp.servicesHint')}
          options={services.map((s) => ({ value: s.key, label: s.name }))}
          values={props.serviceKeys}
          onChange={props.onServices}
          error={errors.serviceKeys}
        />
      ) : null}
    </div>
  );
}
