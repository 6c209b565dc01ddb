import { describe, expect, it } from 'vitest';
import { dialString, sipTarget } from './dial-plan.js';
import { DEFAULT_TELEPHONY_SETTINGS, type DialPlan } from './schemas/telephony.js';

const northAmerica: DialPlan = DEFAULT_TELEPHONY_SETTINGS.dialPlan;
const france: DialPlan = {
  format: 'national',
  countryCode: '33',
  internationalPrefix: '00',
  trunkPrefix: '0',
  localAreaCodes: [],
  outsideLinePrefix: '',
};

describe('dialString', () => {
  it('sends E.164 as it is when the phone system routes E.164', () => {
    expect(
      dialString({ ...northAmerica, format: 'e164', outsideLinePrefix: '9' }, '+15195550101'),
    ).toBe('+15195550101');
  });

  it('dials home numbers in national form with the trunk prefix', () => {
    expect(dialString(northAmerica, '+15195550101')).toBe('15195550101');
    expect(dialString(france, '+33142685300')).toBe('0142685300');
  });

  it('leaves the trunk prefix off local area codes (ten-digit local dialling)', () => {
    const local = { ...northAmerica, localAreaCodes: ['905', '289', '365'] };
    expect(dialString(local, '+19055550101')).toBe('9055550101');
    expect(dialString(local, '+14165550101')).toBe('14165550101');
  });

  it('dials numbers abroad with the international prefix', () => {
    expect(dialString(northAmerica, '+33142685300')).toBe('01133142685300');
    expect(dialString(france, '+15195550101')).toBe('0015195550101');
  });

  it('does not take a longer country code for the home one', () => {
    // +1 is North America; +12… is still +1, but +351 (Portugal) is not +35…
    const ireland: DialPlan = { ...france, countryCode: '353' };
    expect(dialString(ireland, '+351211234567')).toBe('00351211234567');
  });

  it('dials everything internationally when asked', () => {
    const plan = { ...northAmerica, format: 'international' as const, internationalPrefix: '' };
    expect(dialString(plan, '+15195550101')).toBe('15195550101');
  });

  it('puts the outside-line prefix first', () => {
    const plan = { ...northAmerica, outsideLinePrefix: '9' };
    expect(dialString(plan, '+15195550101')).toBe('915195550101');
    expect(dialString(plan, '+33142685300')).toBe('901133142685300');
  });

  it('refuses what is not an E.164 number', () => {
    expect(() => dialString(northAmerica, '519-555-0101')).toThrow('Not an E.164 number');
  });
});

describe('sipTarget', () => {
  it('addresses the dial string on the library domain', () => {
    expect(sipTarget('15195550101', 'pbx.library.example')).toBe(
      'sip:15195550101@pbx.library.example',
    );
  });
});
