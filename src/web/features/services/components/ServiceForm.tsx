import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Service } from '../../../../shared/schemas/campaigns.js';
import { api } from '../../../api/client';
import { catalogueKeys } from '../../../app/catalogue';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { Button } from '../../../components/ui/Button';
import { Checkbox } from '../../../components/ui/Checkbox';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextArea } from '../../../components/ui/TextArea';
import { TextField } from '../../../components/ui/TextField';

const LANGUAGES = ['en', 'fr'] as const;
const editSchema = z.object({
  key: z.string(),
  name: z.string().trim().min(1),
  link: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
});
/** Keys are how scripts and campaigns name a service: lower-case letters, digits and dashes. */
const newSchema = editSchema.extend({ key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/) });
type Texts = Record<(typeof LANGUAGES)[number], string>;
const textsOf = (value: Record<string, string> | undefined): Texts => ({
  en: value?.en ?? '',
  fr: value?.fr ?? '',
});

export interface ServiceFormProps {
  service: Service | undefined;
  onSaved: (name: string) => void;
  onCancel: () => void;
}

/** Adds a service or changes one: names, descriptions and talking points in each language. */
export function ServiceForm({ service, onSaved, onCancel }: ServiceFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(service?.key ?? '');
  const [name, setName] = useState(textsOf(service?.name));
  const [description, setDescription] = useState(textsOf(service?.description));
  const [talkingPoint, setTalkingPoint] = useState(textsOf(service?.talkingPoint));
  const [link, setLink] = useState(service?.link ?? '');
  const [active, setActive] = useState(service?.active ?? true);
  const [raisesTask, setRaisesTask] = useState(service?.raisesTask ?? false);
  const form = useFormErrors({
    idPrefix: 'service',
    labels: {
      key: t('services.fields.key'),
      name: t('services.fields.nameEn'),
      link: t('services.fields.link'),
    },
  });
  const save = useMutation({
    mutationFn: (body: object) =>
      service
        ? api.patch<Service>(`/api/services/${service.id}`, body)
        : api.post<Service>('/api/services', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.allServices }),
  });
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const checked = form.validate(service ? editSchema : newSchema, {
      key,
      name: name.en.trim() !== '' ? name.en : name.fr,
      link: link.trim(),
    });
    if (checked === undefined) return;
    const body = {
      ...(service ? {} : { key }),
      name,
      description,
      talkingPoint,
      link: link.trim() === '' ? null : link.trim(),
      active,
      raisesTask,
    };
    save.mutate(body, {
      onSuccess: (saved) => onSaved(saved.name.en ?? key),
      onError: (error) => form.showApiError(error),
    });
  };
  const texts = (
    field: 'name' | 'description' | 'talkingPoint',
    values: Texts,
    set: (v: Texts) => void,
  ) =>
    LANGUAGES.map((language) => {
      const props = {
        id:
          field === 'name' && language === 'en'
            ? form.fieldId('name')
            : `service-${field}-${language}`,
        label: t(`services.fields.${field}In`, { language: t(`language.name.${language}`) }),
        lang: language,
        value: values[language],
        onChange: (text: string) => set({ ...values, [language]: text }),
      };
      return field === 'name' ? (
        <TextField
          key={language}
          {...props}
          autoComplete="off"
          error={language === 'en' ? form.errors.name : undefined}
        />
      ) : (
        <TextArea key={language} {...props} rows={2} />
      );
    });
  return (
    <section className="card" aria-labelledby="service-form-title">
      <h2 id="service-form-title">{service ? t('services.editTitle') : t('services.addTitle')}</h2>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {service ? null : (
          <TextField
            id={form.fieldId('key')}
            label={t('services.fields.key')}
            hint={t('services.keyHint')}
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={setKey}
            error={form.errors.key}
          />
        )}
        {texts('name', name, setName)}
        {texts('description', description, setDescription)}
        {texts('talkingPoint', talkingPoint, setTalkingPoint)}
        <TextField
          id={form.fieldId('link')}
          label={t('services.fields.link')}
          type="url"
          autoComplete="off"
          value={link}
          onChange={setLink}
          error={form.errors.link}
        />
        <Checkbox
          id="service-active"
          label={t('services.fields.active')}
          checked={active}
          onChange={setActive}
        />
        <Checkbox
          id="service-raises-task"
          label={t('services.fields.raisesTask')}
          hint={t('services.raisesTaskHint')}
          checked={raisesTask}
          onChange={setRaisesTask}
        />
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button variant="quiet" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
