import { z } from 'zod';
import { callSchemeSchema } from './calls.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, ROLES, UI_LANGUAGES } from '../roles.js';

/** Request and response shapes for staff accounts, shared by the server and the web forms. */

export const roleSchema = z.enum(ROLES);
export const uiLanguageSchema = z.enum(UI_LANGUAGES);
/** A language a patron may speak: ISO 639-1 code. */
export const languageCodeSchema = z
  .string()
  .regex(/^[a-z]{2}$/, 'must be a two-letter language code');

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'must be an e-mail address' }));

export const personNameSchema = z.string().trim().min(1, 'is required').max(120);

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  language: uiLanguageSchema,
  callLanguages: z.array(z.string()),
  /** Click-to-call scheme of the softphone this staff member uses. */
  callScheme: callSchemeSchema,
  disabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const createUserInput = z.object({
  email: emailSchema,
  name: personNameSchema,
  role: roleSchema,
  language: uiLanguageSchema.default('en'),
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .object({
    name: personNameSchema,
    email: emailSchema,
    role: roleSchema,
    language: uiLanguageSchema,
    disabled: z.boolean(),
    password: passwordSchema,
  })
  .partial();
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const updateOwnSettingsInput = z
  .object({
    name: personNameSchema,
    language: uiLanguageSchema,
    callLanguages: z.array(languageCodeSchema).max(20),
    callScheme: callSchemeSchema,
  })
  .partial();
export type UpdateOwnSettingsInput = z.infer<typeof updateOwnSettingsInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type SignInInput = z.infer<typeof signInInput>;

export const completeSetupInput = createUserInput.omit({ role: true }).extend({
  token: z.string().min(20).max(200),
});
export type CompleteSetupInput = z.input<typeof completeSetupInput>;
