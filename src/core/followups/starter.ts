/**
 * What a new library starts with: the province-wide services every Ontario library refers to (the
 * library edits, archives or adds its own — Meals on Wheels, a local distress centre, tech help),
 * and the team that answers information requests.
 */

export interface StarterReferralService {
  key: string;
  name: string;
  helpsWith: string;
  phone: string;
  website: string;
  languages: string[];
  hours: string;
  notes: string;
}

export const STARTER_REFERRAL_SERVICES: readonly StarterReferralService[] = [
  {
    key: '211-ontario',
    name: '211 Ontario',
    helpsWith:
      'Finding community, social, health and government services: food, housing, seniors’ services, mental health, income support.',
    phone: '211',
    website: 'https://211ontario.ca',
    languages: ['English', 'French', '150+ languages by interpreter'],
    hours: '24 hours a day, 7 days a week',
    notes: 'Free and confidential. Also by chat and text on the website.',
  },
  {
    key: '988',
    name: '988 Suicide Crisis Helpline',
    helpsWith: 'Anyone thinking about suicide, or worried about someone who is.',
    phone: '988',
    website: 'https://988.ca',
    languages: ['English', 'French'],
    hours: '24 hours a day, 7 days a week',
    notes: 'Call or text 988. If a life is in danger now, call 911.',
  },
  {
    key: 'seniors-safety-line',
    name: 'Seniors Safety Line',
    helpsWith: 'Older adults experiencing abuse, neglect or fraud, and people worried about them.',
    phone: '1-866-299-1011',
    website: 'https://eapon.ca',
    languages: ['English', 'French', '200+ languages by interpreter'],
    hours: '24 hours a day, 7 days a week',
    notes: 'Run by Elder Abuse Prevention Ontario.',
  },
];

export const STARTER_TEAMS = [{ key: 'info-desk', name: 'Virtual information desk' }] as const;
