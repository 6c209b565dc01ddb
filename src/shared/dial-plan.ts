import type { DialPlan } from './schemas/telephony.js';

/**
 * The digits the phone system expects for an E.164 number under the library's dial plan.
 * Country calling codes are prefix-free, so "is this number in the home country" is a prefix test.
 *
 * - `e164`: `+` and the digits, for phone systems that route E.164 themselves;
 * - `international`: every number as the international prefix, country code and number;
 * - `national`: home numbers as trunk prefix + national number (no trunk prefix for local area
 *   codes), numbers abroad as international prefix + country code + number.
 *
 * The outside-line prefix, when set, comes first (except for `e164`, which a `+` must start).
 */
export function dialString(plan: DialPlan, e164: string): string {
  if (!/^\+[1-9]\d{6,14}$/.test(e164)) throw new Error(`Not an E.164 number: ${e164}`);
  if (plan.format === 'e164') return e164;
  const digits = e164.slice(1);
  const abroad = `${plan.internationalPrefix}${digits}`;
  let number = abroad;
  if (plan.format === 'national' && digits.startsWith(plan.countryCode)) {
    const national = digits.slice(plan.countryCode.length);
    const local = plan.localAreaCodes.some((code) => national.startsWith(code));
    number = local ? national : `${plan.trunkPrefix}${national}`;
  }
  return `${plan.outsideLinePrefix}${number}`;
}

/** The SIP URI for a dial string on the library's domain: `sip:16135550101@pbx.example`. */
export function sipTarget(dial: string, domain: string): string {
  return `sip:${dial}@${domain}`;
}
