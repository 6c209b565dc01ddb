import { describe, expect, it } from 'vitest';
import { apiError, issuesOf } from '../../../../api/client';
import {
  DEFAULT_TELEPHONY_SETTINGS,
  type TelephonySettings,
} from '../../../../../shared/schemas/telephony.js';
import { sipAccountChanges, sipAccountInputOf, sipAccountValuesOf } from './sipAccountForm';
import {
  changesOf,
  dialExamples,
  fieldOfPath,
  flatValuesOf,
  formValuesOf,
  iceServersOf,
  listOf,
  nextIceKey,
  numberOf,
  pathOf,
  settingsOf,
  telephonyFormSchema,
  withFormPaths,
  type TelephonyFormValues,
} from './telephonyForm';

const saved: TelephonySettings = {
  ...DEFAULT_TELEPHONY_SETTINGS,
  enabled: true,
  webSocketUrl: 'wss://pbx.library.ca:8089/ws',
  sipDomain: 'pbx.library.ca',
  iceServers: [
    { urls: ['stun:stun.library.ca:3478'], username: '', credential: '' },
    {
      urls: ['turn:turn.library.ca:3478', 'turns:turn.library.ca:5349'],
      username: 'desk',
      credential: 's3cret',
    },
  ],
  dialPlan: { ...DEFAULT_TELEPHONY_SETTINGS.dialPlan, localAreaCodes: ['613', '343'] },
};

const form = (patch: Partial<TelephonyFormValues> = {}): TelephonyFormValues => ({
  ...formValuesOf(saved),
  ...patch,
});

describe('listOf', () => {
  it('splits on commas, semicolons, spaces and new lines, dropping blanks', () => {
    expect(listOf('613, 343;819\n  905 ,, ')).toEqual(['613', '343', '819', '905']);
    expect(listOf('  ')).toEqual([]);
  });
});

describe('numberOf', () => {
  it('reads numbers, and gives NaN for an empty field', () => {
    expect(numberOf(' 2 ')).toBe(2);
    expect(numberOf('')).toBeNaN();
    expect(numberOf('two')).toBeNaN();
  });
});

describe('the form and the settings', () => {
  it('turns the saved settings into the form and back unchanged', () => {
    const values = formValuesOf(saved);
    expect(values.localAreaCodes).toBe('613, 343');
    expect(values.iceServers[1]?.urls).toBe(
      'turn:turn.library.ca:3478\nturns:turn.library.ca:5349',
    );
    expect(values.extensionDelaySeconds).toBe('2');
    expect(settingsOf(values)).toEqual(saved);
  });

  it('reads area codes as a list without repeats', () => {
    expect(settingsOf(form({ localAreaCodes: '613 343, 613' })).dialPlan.localAreaCodes).toEqual([
      '613',
      '343',
    ]);
  });

  it('reads ICE servers row by row, URLs one per line or comma separated', () => {
    expect(
      iceServersOf([
        { key: 4, urls: 'stun:a.ca, stun:b.ca', username: ' user ', credential: ' pass ' },
        { key: 7, urls: '', username: '', credential: '' },
      ]),
    ).toEqual([
      { urls: ['stun:a.ca', 'stun:b.ca'], username: 'user', credential: ' pass ' },
      { urls: [], username: '', credential: '' },
    ]);
  });

  it('gives new rows a key no row has', () => {
    expect(nextIceKey([])).toBe(0);
    expect(nextIceKey(formValuesOf(saved).iceServers)).toBe(2);
  });

  it('names ICE fields in the flat values', () => {
    const flat = flatValuesOf(form());
    expect(flat['ice1-username']).toBe('desk');
    expect(flat.countryCode).toBe('1');
  });
});

describe('telephonyFormSchema', () => {
  const problems = (values: TelephonyFormValues) => {
    const result = telephonyFormSchema.safeParse(values);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };

  it('parses a valid form to the settings', () => {
    expect(telephonyFormSchema.parse(form())).toEqual(saved);
  });

  it('reports each problem under the form field that caused it', () => {
    expect(
      problems(
        form({
          countryCode: '+1',
          localAreaCodes: '613, abc',
          extensionDelaySeconds: '',
          iceServers: [
            { key: 0, urls: 'http://x', username: '', credential: '' },
            { key: 3, urls: '', username: '', credential: '' },
          ],
        }),
      ).sort(),
    ).toEqual(['countryCode', 'extensionDelaySeconds', 'ice0-urls', 'ice1-urls', 'localAreaCodes']);
  });

  it('needs the WebSocket URL and the SIP domain only to turn the softphone on', () => {
    expect(problems(form({ webSocketUrl: '', sipDomain: ' ' }))).toEqual([
      'webSocketUrl',
      'sipDomain',
    ]);
    expect(problems(form({ enabled: false, webSocketUrl: '', sipDomain: '' }))).toEqual([]);
  });
});

describe('server errors', () => {
  it('maps the server’s paths to the form’s fields', () => {
    expect(fieldOfPath(pathOf('body.dialPlan.countryCode'))).toBe('countryCode');
    expect(fieldOfPath(pathOf('dialPlan.localAreaCodes.1'))).toBe('localAreaCodes');
    expect(fieldOfPath(pathOf('iceServers.2.urls.0'))).toBe('ice2-urls');
    expect(fieldOfPath(pathOf('iceServers'))).toBe('iceServers');
    expect(fieldOfPath(pathOf('webSocketUrl'))).toBe('webSocketUrl');
    expect(fieldOfPath([])).toBe('form');
  });

  it('rewrites a validation answer’s issues, and leaves other errors alone', () => {
    const error = apiError(400, 'VALIDATION_FAILED', 'Some fields are not valid', {
      issues: [{ path: 'body.iceServers.0.credential', message: 'too long' }],
    });
    const mapped = withFormPaths(error);
    expect(issuesOf(mapped as typeof error)).toEqual([
      { path: 'ice0-credential', message: 'too long' },
    ]);
    const other = apiError(403, 'FORBIDDEN', 'No');
    expect(withFormPaths(other)).toBe(other);
  });
});

describe('changesOf', () => {
  it('sends only what changed', () => {
    expect(changesOf(saved, saved)).toEqual({});
    const next = settingsOf(form({ countryCode: '33', testNumber: '*43' }));
    expect(changesOf(saved, next)).toEqual({
      dialPlan: { ...saved.dialPlan, countryCode: '33' },
      testNumber: '*43',
    });
  });
});

describe('dialExamples', () => {
  const dialled = (values: TelephonyFormValues) => dialExamples(values)?.map((e) => e.dialled);

  it('shows how a home number and one abroad are dialled', () => {
    const examples = dialExamples(form({ localAreaCodes: '' }));
    expect(examples).toEqual([
      { number: '+1 613 555 0101', dialled: '16135550101' },
      { number: '+33 1 42 68 53 00', dialled: '01133142685300' },
    ]);
  });

  it('follows the format, local area codes and the outside-line prefix', () => {
    expect(dialled(form())).toEqual(['6135550101', '01133142685300']);
    expect(dialled(form({ outsideLinePrefix: '9' }))).toEqual(['96135550101', '901133142685300']);
    expect(dialled(form({ format: 'e164' }))).toEqual(['+16135550101', '+33142685300']);
    expect(dialled(form({ format: 'international' }))).toEqual([
      '01116135550101',
      '01133142685300',
    ]);
  });

  it('shows nothing while the plan is not valid', () => {
    expect(dialExamples(form({ countryCode: '' }))).toBeNull();
  });
});

describe('the phone account form', () => {
  const account = {
    libraryOffers: true,
    enabled: true,
    username: '2001',
    authorizationUser: '',
    passwordSet: true,
    updatedAt: '2025-01-01T00:00:00.000Z',
  };

  it('starts from the saved account, the password empty', () => {
    expect(sipAccountValuesOf(account)).toEqual({
      enabled: true,
      username: '2001',
      authorizationUser: '',
      password: '',
    });
  });

  it('leaves out an empty password (kept) and trims the names', () => {
    expect(
      sipAccountInputOf({
        enabled: false,
        username: ' 2002 ',
        authorizationUser: '',
        password: '',
      }),
    ).toEqual({ enabled: false, username: '2002', authorizationUser: '' });
    expect(
      sipAccountInputOf({ enabled: true, username: '2002', authorizationUser: '', password: 'pw' }),
    ).toMatchObject({ password: 'pw' });
  });

  it('sends only the changes, and a typed password always', () => {
    expect(
      sipAccountChanges(account, { enabled: true, username: '2001', authorizationUser: '' }),
    ).toEqual({});
    expect(
      sipAccountChanges(account, {
        enabled: false,
        username: '2002',
        authorizationUser: 'auth2002',
        password: 'pw',
      }),
    ).toEqual({ enabled: false, username: '2002', authorizationUser: 'auth2002', password: 'pw' });
  });
});
