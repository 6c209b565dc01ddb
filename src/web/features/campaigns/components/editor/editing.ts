import type {
  SaveScriptInput,
  Script,
  ScriptStep,
  ScriptVersionBody,
} from '../../../../../shared/schemas/scripts.js';

export type StepType = ScriptStep['type'];
export const STEP_TYPES: readonly StepType[] = ['say', 'question', 'services', 'end'];

export interface EditedScript {
  name: string;
  description: string;
  defaultLanguage: string;
  versions: ScriptVersionBody[];
}

/** A fresh id such as `step-3` not yet used among `taken`. */
export function freshId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

/** A step of `type` keeping the title and text of `from`; links go to `fallback`. */
export function withType(from: ScriptStep, type: StepType, fallback: string): ScriptStep {
  const base = { id: from.id, title: from.title, text: from.text };
  const next = 'next' in from ? from.next : fallback;
  switch (type) {
    case 'say':
      return { ...base, type, next };
    case 'services':
      return { ...base, type, services: [], next };
    case 'question':
      return { ...base, type, answers: [{ id: 'answer-1', label: '', next }] };
    case 'end':
      return { ...base, type };
  }
}

export function newStep(type: StepType, taken: readonly string[], fallback: string): ScriptStep {
  const id = freshId('step', taken);
  return withType({ id, type: 'end', title: '', text: '' }, type, fallback);
}

/** A new script: one question whose answer leads to a closing step, to build on. */
export function blankScript(language: string): EditedScript {
  return {
    name: '',
    description: '',
    defaultLanguage: language,
    versions: [
      {
        language,
        start: 'step-1',
        steps: [
          {
            id: 'step-1',
            type: 'question',
            title: '',
            text: '',
            answers: [{ id: 'answer-1', label: '', next: 'step-2' }],
          },
          { id: 'step-2', type: 'end', title: '', text: '' },
        ],
      },
    ],
  };
}

export function editableCopy(script: Script, copyName: string | null): EditedScript {
  return {
    name: copyName ?? script.name,
    description: script.description,
    defaultLanguage: script.defaultLanguage,
    versions: script.versions.map(({ language, start, steps }) => ({ language, start, steps })),
  };
}

export function toInput(script: EditedScript): SaveScriptInput {
  return script;
}

/** Steps in the order a call meets them from the start, then any no path reaches. */
export function walkOrder(version: ScriptVersionBody): ScriptStep[] {
  const byId = new Map(version.steps.map((step) => [step.id, step]));
  const seen = new Set<string>();
  const order: ScriptStep[] = [];
  const queue = [version.start];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    const step = byId.get(id);
    if (seen.has(id) || !step) continue;
    seen.add(id);
    order.push(step);
    if (step.type === 'question') queue.push(...step.answers.map((a) => a.next));
    if (step.type === 'say' || step.type === 'services') queue.push(step.next);
  }
  return [...order, ...version.steps.filter((step) => !seen.has(step.id))];
}

/** The language a checked problem is about: "fr: …" is French, unprefixed is the default one. */
export function problemLanguage(message: string, defaultLanguage: string): string {
  return /^([a-z]{2}): /.exec(message)?.[1] ?? defaultLanguage;
}
