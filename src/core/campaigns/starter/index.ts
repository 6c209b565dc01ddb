/** What a new library starts with: the service catalogue, two scripts and caller training. */
export { STARTER_SCRIPTS } from './scripts.js';
export { STARTER_SERVICE_KEYS, STARTER_SERVICES } from './services.js';
export type { StarterService } from './services.js';
export { DEFAULT_TRAINING, STARTER_LANGUAGES } from './training.js';
export type { StarterLanguage } from './training.js';
