import {
  campaignSettingsSchema,
  type Audience,
  type Campaign,
} from '../../../../../shared/schemas/campaigns.js';
import type { z } from 'zod';

export type Draft = z.output<typeof campaignSettingsSchema>;

export const BUILDER_STEPS = [
  'purpose',
  'audience',
  'priorities',
  'rules',
  'script',
  'services',
  'training',
  'review',
] as const;
export type BuilderStep = (typeof BUILDER_STEPS)[number];

export function isBuilderStep(value: unknown): value is BuilderStep {
  return typeof value === 'string' && (BUILDER_STEPS as readonly string[]).includes(value);
}

/** The settings each step saves; the review step saves nothing. */
export const STEP_FIELDS = {
  purpose: ['name', 'purpose', 'legalAuthority', 'contact', 'startsOn', 'endsOn'],
  audience: ['audience'],
  priorities: ['priorities'],
  rules: [
    'channel',
    'maxAttempts',
    'attemptGapHours',
    'emailAfterAttempts',
    'callingHours',
    'callerIds',
  ],
  script: ['scriptId'],
  services: ['serviceKeys'],
  training: ['training'],
  review: [],
} as const satisfies Record<BuilderStep, readonly (keyof Draft)[]>;

/** The schema for one step's settings, picked from the shared campaign schema. */
export function stepSchema(step: BuilderStep) {
  const mask = Object.fromEntries(STEP_FIELDS[step].map((field) => [field, true])) as Partial<
    Record<keyof Draft, true>
  >;
  return campaignSettingsSchema.pick(mask);
}

export const LEGAL_HOURS = {
  weekdayStart: '09:00',
  weekdayEnd: '21:30',
  weekendStart: '10:00',
  weekendEnd: '18:00',
} as const;

export function emptyDraft(): Draft {
  return {
    name: '',
    purpose: '',
    legalAuthority: '',
    contact: '',
    startsOn: null,
    endsOn: null,
    channel: 'phone',
    emailAfterAttempts: 3,
    maxAttempts: 3,
    attemptGapHours: 24,
    callingHours: { ...LEGAL_HOURS },
    callerIds: null,
    audience: {},
    priorities: [],
    scriptId: null,
    serviceKeys: [],
    training: { talkingPoints: [], faq: [], tips: [], links: [] },
  };
}

export function draftOf(campaign: Campaign): Draft {
  const {
    id: _id,
    status: _status,
    createdAt: _created,
    updatedAt: _updated,
    launchedAt: _launched,
    callListSize: _size,
    ...settings
  } = campaign;
  return settings;
}

/** "a, b ,c" → ['a', 'b', 'c']; an empty list is left out of the filter. */
export function listOf(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

/** A whole number typed in a field, or undefined when the field is empty. */
export function numberOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/** `audience` with `patch` applied; conditions set to undefined are left out entirely. */
export function patchAudience(audience: Audience, patch: Partial<Audience>): Audience {
  const next: Record<string, unknown> = { ...audience, ...patch };
  return Object.fromEntries(Object.entries(next).filter(([, value]) => value !== undefined));
}
