import { describe, expect, it } from 'vitest';
import { DEFAULT_LIBRARY_SETTINGS } from '../../../shared/schemas/library.js';
import { createEmailTemplateInput } from '../../../shared/schemas/email.js';
import { mergeFieldsIn } from '../../scripts/merge-fields.js';
import { renderEmail, templateProblems } from './render.js';
import type { EmailValues } from './render.js';
import { STARTER_EMAIL_TEMPLATES } from './starter.js';

const allValues: EmailValues = {
  patron: { firstName: 'Rosa', preferredName: 'Ro', lastName: 'Diaz' },
  caller: { name: 'Sam' },
  campaign: { name: 'Winter check-in' },
  library: {
    ...DEFAULT_LIBRARY_SETTINGS,
    name: 'Maple Public Library',
    callbackNumber: '613-555-0100',
    address: '12 Main Street, Maple ON K1A 0A1',
    contactEmail: 'hello@maple.example',
    website: 'https://maple.example',
    timeZone: 'America/Toronto',
    defaultLanguage: 'en',
  },
  services: [{ name: 'eBooks', description: 'Free books.', link: 'https://maple.example/e' }],
  unsubscribeUrl: 'https://desk.maple.example/unsubscribe/tok',
};

const byKey = (key: string) => {
  const template = STARTER_EMAIL_TEMPLATES.find((t) => t.key === key);
  if (!template) throw new Error(`no starter ${key}`);
  return template;
};

const fieldsOf = (version: { subject: string; html: string; text: string }): string[] =>
  [...new Set([version.subject, version.html, version.text].flatMap(mergeFieldsIn))].sort();

const versions = STARTER_EMAIL_TEMPLATES.flatMap((t) =>
  t.versions.map((v) => [`${t.key} (${v.language})`, t, v] as const),
);

describe('starter e-mail templates', () => {
  it('are the three starters, classed and purposed', () => {
    expect(
      STARTER_EMAIL_TEMPLATES.map((t) => [t.key, t.class, t.purpose, t.defaultLanguage]),
    ).toEqual([
      ['we-miss-you', 'promotional', 'general', 'en'],
      ['sorry-we-missed-you', 'promotional', 'missed_you', 'en'],
      ['link-you-asked-for', 'transactional', 'follow_up', 'en'],
    ]);
    for (const template of STARTER_EMAIL_TEMPLATES) {
      expect(template.versions.map((v) => v.language)).toEqual(['en', 'fr']);
    }
  });

  it('are valid input for creating a template', () => {
    for (const { key: _key, ...template } of STARTER_EMAIL_TEMPLATES) {
      expect(() => createEmailTemplateInput.parse(template)).not.toThrow();
    }
  });

  it.each(versions)('%s has no problems and renders without warnings', (_name, template, v) => {
    expect(templateProblems(v)).toEqual([]);
    const rendered = renderEmail({
      version: v,
      class: template.class,
      language: v.language,
      values: template.class === 'promotional' ? allValues : { ...allValues, unsubscribeUrl: null },
    });
    expect(rendered.warnings).toEqual([]);
    expect(rendered.subject).not.toContain('{{');
    expect(rendered.html).not.toContain('{{');
    expect(rendered.text).not.toContain('{{');
    expect(rendered.html).toContain('href="https://maple.example/e"');
    expect(rendered.text).toContain('- eBooks');
  });

  it('use the same merge fields in English and French', () => {
    for (const template of STARTER_EMAIL_TEMPLATES) {
      const [en, fr] = template.versions;
      expect(fieldsOf(fr)).toEqual(fieldsOf(en));
    }
  });

  it('use the fields each one is about', () => {
    expect(fieldsOf(byKey('we-miss-you').versions[0])).toEqual(
      expect.arrayContaining([
        'library.callbackNumber',
        'library.name',
        'library.website',
        'patron.firstName',
        'services.list',
      ]),
    );
    const missed = fieldsOf(byKey('sorry-we-missed-you').versions[0]);
    expect(missed).toEqual(expect.arrayContaining(['library.callbackNumber', 'services.list']));
    // Sent after the last unanswered call, often by a mailing: there may be no caller.
    expect(missed).not.toContain('caller.name');
    expect(fieldsOf(byKey('link-you-asked-for').versions[0])).toEqual(
      expect.arrayContaining(['caller.name', 'services.list']),
    );
  });

  it('keep the unsubscribe footer to promotional mail', () => {
    const followUp = byKey('link-you-asked-for');
    const rendered = renderEmail({
      version: followUp.versions[1],
      class: followUp.class,
      language: 'fr',
      values: { ...allValues, unsubscribeUrl: null },
    });
    expect(rendered.html).not.toContain('désabonner');
    const missed = byKey('sorry-we-missed-you');
    expect(
      renderEmail({
        version: missed.versions[1],
        class: missed.class,
        language: 'fr',
        values: allValues,
      }).html,
    ).toContain('>Se désabonner</a>');
  });
});
