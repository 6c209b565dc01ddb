import { describe, expect, it } from 'vitest';
import type { EmailTemplate } from '../../../../../shared/schemas/email.js';
import {
  blankDraft,
  draftOf,
  isChanged,
  toInput,
  versionToCheck,
  withVersion,
  withoutVersion,
} from './templateDraft';

const saved: EmailTemplate = {
  id: 4,
  name: 'After the call',
  description: '',
  class: 'transactional',
  purpose: 'follow_up',
  defaultLanguage: 'en',
  versions: [
    {
      language: 'en',
      subject: 'The links you asked for',
      html: '<p>Hello {{patron.firstName}}</p>',
      text: 'Hello {{patron.firstName}}',
      updatedAt: '2030-01-01T10:00:00.000Z',
    },
  ],
  archived: false,
  createdAt: '2030-01-01T10:00:00.000Z',
  updatedAt: '2030-01-01T10:00:00.000Z',
};

describe('template drafts', () => {
  it('leave the dates out of what is sent', () => {
    const input = toInput(draftOf(saved));
    expect(input.versions[0]).toEqual({
      language: 'en',
      subject: 'The links you asked for',
      html: '<p>Hello {{patron.firstName}}</p>',
      text: 'Hello {{patron.firstName}}',
    });
    expect(input).not.toHaveProperty('archived');
  });

  it('start a new language from a copy of another', () => {
    const draft = withVersion(draftOf(saved), 'fr', 'en');
    expect(draft.versions.map((v) => v.language)).toEqual(['en', 'fr']);
    expect(draft.versions[1]?.subject).toBe('The links you asked for');
    expect(withVersion(draft, 'fr', 'en')).toBe(draft);
  });

  it('move the default language when its version is removed', () => {
    const draft = withVersion(draftOf(saved), 'fr', 'en');
    expect(withoutVersion(draft, 'en').defaultLanguage).toBe('fr');
    expect(withoutVersion(draft, 'fr').defaultLanguage).toBe('en');
  });

  it('never remove the last version', () => {
    const draft = draftOf(saved);
    expect(withoutVersion(draft, 'en')).toBe(draft);
  });

  it('check the first incomplete version before the current one', () => {
    const draft = withVersion(draftOf(saved), 'fr', 'missing');
    expect(versionToCheck(draft, 'en')?.language).toBe('fr');
    expect(versionToCheck(draftOf(saved), 'en')?.language).toBe('en');
  });

  it('tell unsaved changes apart', () => {
    expect(isChanged(draftOf(saved), saved)).toBe(false);
    expect(isChanged({ ...draftOf(saved), name: 'Other' }, saved)).toBe(true);
    expect(isChanged(blankDraft('en'), undefined)).toBe(true);
  });
});
