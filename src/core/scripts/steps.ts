import type { ScriptStep } from '../../shared/schemas/scripts.js';

/** The steps a step can lead to, in order (missing targets included). */
export function successorsOf(step: ScriptStep): string[] {
  switch (step.type) {
    case 'say':
    case 'services':
      return [step.next];
    case 'question':
      return step.answers.map((a) => a.next);
    case 'end':
      return [];
  }
}

/** Steps by id; with duplicate ids the first wins (duplicates are reported separately). */
export function firstById(steps: readonly ScriptStep[]): Map<string, ScriptStep> {
  const byId = new Map<string, ScriptStep>();
  for (const step of steps) if (!byId.has(step.id)) byId.set(step.id, step);
  return byId;
}
