/** Staff roles, from most to least powerful (see docs/reference/roles.md). */
export const ROLES = ['admin', 'coordinator', 'caller', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Languages the staff interface speaks. */
export const UI_LANGUAGES = ['en', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Password length bounds (TRUST SC-1): no composition rules, only length and a common-password check. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_RECOMMENDED_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;
