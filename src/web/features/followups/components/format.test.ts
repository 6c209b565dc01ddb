import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  firstCallAt,
  dateInputValue,
  daysLater,
  endOfDay,
  languagesOf,
  notifiedText,
  patronCallHref,
  readablePhone,
  splitExtension,
  taskNoteText,
  taskTitle,
  telHref,
} from './format';

const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

describe('dates for date inputs', () => {
  it('gives the local day of a moment', () => {
    expect(dateInputValue(new Date(2030, 0, 5, 23, 30))).toBe('2030-01-05');
    expect(dateInputValue('not a date')).toBe('');
  });

  it('counts days on from today, across months', () => {
    expect(daysLater(new Date(2030, 0, 28, 9), 7)).toBe('2030-02-04');
  });

  it('makes a chosen day due at its end, where the staff member is', () => {
    const due = endOfDay('2030-03-09');
    expect(due).toBeDefined();
    const local = new Date(due ?? '');
    expect([local.getFullYear(), local.getMonth(), local.getDate()]).toEqual([2030, 2, 9]);
    expect([local.getHours(), local.getMinutes()]).toEqual([23, 59]);
  });

  it('refuses text that is not a real day', () => {
    expect(endOfDay('')).toBeUndefined();
    expect(endOfDay('2030-02-30')).toBeUndefined();
    expect(endOfDay('09/03/2030')).toBeUndefined();
  });
});

describe('phone links', () => {
  it('dials directory numbers as written, without spaces or letters', () => {
    expect(telHref('211')).toBe('tel:211');
    expect(telHref('1-866-299-1011')).toBe('tel:1-866-299-1011');
    expect(telHref('(905) 653 READ')).toBe('tel:(905)653');
    expect(telHref('')).toBeUndefined();
    expect(telHref('ask at the desk')).toBeUndefined();
  });

  it('keeps a patron’s extension on tel: links only', () => {
    expect(splitExtension('+19055551234;ext=12')).toEqual({
      number: '+19055551234',
      extension: '12',
    });
    expect(patronCallHref('tel', '+19055551234;ext=12')).toBe('tel:+19055551234;ext=12');
    expect(patronCallHref('sip', '+19055551234;ext=12')).toBe('sip:+19055551234');
    expect(patronCallHref('tel', '+19055551234')).toBe('tel:+19055551234');
  });

  it('groups North American numbers for reading', () => {
    expect(readablePhone('+19055551234')).toBe('+1 905-555-1234');
    expect(readablePhone('+33123456789')).toBe('+33123456789');
  });
});

describe('server-written texts in the reader’s language', () => {
  it('says the titles the server makes again', () => {
    expect(
      taskTitle({ type: 'referral_check', title: 'Check the referral to 211 Ontario worked' }, t),
    ).toBe('tasks.titles.referralCheck {"service":"211 Ontario"}');
    expect(taskTitle({ type: 'service_help', title: 'Help with Digital library card' }, t)).toBe(
      'tasks.titles.serviceHelp {"service":"Digital library card"}',
    );
  });

  it('keeps a title a person typed', () => {
    expect(taskTitle({ type: 'information', title: 'Help with her tablet' }, t)).toBe(
      'Help with her tablet',
    );
    expect(taskTitle({ type: 'other', title: '' }, t)).toBe('tasks.type.other');
  });

  it('says the e-mail note again', () => {
    expect(taskNoteText('E-mail sent to j•••@example.org', t)).toBe(
      'tasks.notes.emailSent {"address":"j•••@example.org"}',
    );
    expect(taskNoteText('Called back, left a message', t)).toBe('Called back, left a message');
  });

  it('tells how coordinators were notified, and when again', () => {
    expect(notifiedText('app', false, t)).toBe('escalations.timeline.notifiedInApp');
    expect(notifiedText('app', true, t)).toBe('escalations.timeline.renotifiedInApp');
    expect(notifiedText('e-mail:3', false, t)).toBe(
      'escalations.timeline.notifiedByEmail {"count":3}',
    );
    expect(notifiedText('e-mail:2', true, t)).toBe(
      'escalations.timeline.renotifiedByEmail {"count":2}',
    );
    expect(notifiedText('e-mail:0', false, t)).toBe('escalations.timeline.notifiedInApp');
  });
});

describe('languagesOf', () => {
  it('splits a typed list and drops blanks and repeats', () => {
    expect(languagesOf(' English, French;Italian,, English ')).toEqual([
      'English',
      'French',
      'Italian',
    ]);
    expect(languagesOf('')).toEqual([]);
  });
});

describe('the first recurring call', () => {
  it('is the day and time chosen, where the staff member is', () => {
    const at = firstCallAt('2026-03-09', '10:30');
    expect(at).toBe(new Date(2026, 2, 9, 10, 30).toISOString());
  });

  it('is nothing for a day or time that is not one', () => {
    expect(firstCallAt('2026-02-30', '10:30')).toBeUndefined();
    expect(firstCallAt('2026-03-09', '9h')).toBeUndefined();
    expect(firstCallAt('', '')).toBeUndefined();
  });
});
