import type { SaveScriptInput } from '../../../shared/schemas/scripts.js';
import { WELLNESS_EN } from './script-wellness.en.js';
import { WELLNESS_FR } from './script-wellness.fr.js';
import { WHATS_NEW_EN } from './script-whats-new.en.js';
import { WHATS_NEW_FR } from './script-whats-new.fr.js';

/** The two scripts a new library starts with; coordinators copy and adapt them. */
export const STARTER_SCRIPTS: readonly SaveScriptInput[] = [
  {
    name: 'Wellness check-in for seniors',
    description:
      'A friendly call to older patrons: how they are doing, help in the community if they need it, and library services they can use with or without the internet.',
    defaultLanguage: 'en',
    versions: [WELLNESS_EN, WELLNESS_FR],
  },
  {
    name: 'What’s new at the library',
    description:
      'The original Customer Care Calls: a check-in, then digital services, curbside pickup, virtual programs and the digital library card, and the patron’s feedback.',
    defaultLanguage: 'en',
    versions: [WHATS_NEW_EN, WHATS_NEW_FR],
  },
];
