import type { ScriptStep, ScriptVersionBody } from '../../shared/schemas/scripts.js';
import { mergeFieldProblemsIn } from './merge-fields.js';
import { structureDifferences } from './script-structure.js';
import { firstById, successorsOf } from './steps.js';

/**
 * Structural checks on call scripts, run before a version is saved. Every problem is reported
 * (not only the first) so the builder can mark each faulty step at once.
 */

/** One thing wrong with a script. `field` is a path within the step, e.g. "answers.1.next". */
export interface ScriptProblem {
  stepId: string | null;
  field: string | null;
  message: string;
}

/** Ids reachable from `from` following `edges` (breadth first, so deep scripts cannot overflow). */
function reach(from: Iterable<string>, edges: (id: string) => readonly string[]): Set<string> {
  const seen = new Set(from);
  const queue = [...seen];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const next of edges(id)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function referenceProblems(
  step: ScriptStep,
  byId: ReadonlyMap<string, ScriptStep>,
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const missing = (field: string, target: string): ScriptProblem => ({
    stepId: step.id,
    field,
    message: `Leads to step "${target}", which does not exist`,
  });
  if ((step.type === 'say' || step.type === 'services') && !byId.has(step.next)) {
    problems.push(missing('next', step.next));
  }
  if (step.type === 'question') {
    const seen = new Set<string>();
    step.answers.forEach((answer, i) => {
      if (seen.has(answer.id)) {
        problems.push({
          stepId: step.id,
          field: `answers.${i}.id`,
          message: `Answer id "${answer.id}" is used twice in this question`,
        });
      }
      seen.add(answer.id);
      if (!byId.has(answer.next)) problems.push(missing(`answers.${i}.next`, answer.next));
    });
  }
  return problems;
}

function textProblems(step: ScriptStep): ScriptProblem[] {
  const texts: [string, string][] = [
    ['title', step.title],
    ['text', step.text],
  ];
  if (step.type === 'question') {
    step.answers.forEach((a, i) => texts.push([`answers.${i}.label`, a.label]));
  }
  return texts.flatMap(([field, text]) => {
    const { unknown, unclosed } = mergeFieldProblemsIn(text);
    const problems = unknown.map((name) => ({
      stepId: step.id,
      field,
      message: `Unknown merge field {{${name}}}`,
    }));
    if (unclosed)
      problems.push({ stepId: step.id, field, message: 'A "{{" is never closed by "}}"' });
    return problems;
  });
}

function serviceProblems(step: ScriptStep, known: ReadonlySet<string> | null): ScriptProblem[] {
  if (step.type !== 'services') return [];
  const seen = new Set<string>();
  return step.services.flatMap((key, i) => {
    const field = `services.${i}`;
    const problems: ScriptProblem[] = [];
    if (seen.has(key))
      problems.push({ stepId: step.id, field, message: `Service "${key}" is listed twice` });
    seen.add(key);
    if (known !== null && !known.has(key)) {
      problems.push({ stepId: step.id, field, message: `Unknown service "${key}"` });
    }
    return problems;
  });
}

/**
 * Checks one language version of a script: unique step ids, an existing start, every `next`
 * pointing at an existing step, unique answer ids per question, every step reachable from the
 * start, an end reachable from every reachable step (loops are fine if they can be left), at least
 * one end step, known and closed merge fields, and — when `knownServiceKeys` is given — only
 * known services. Returns every problem found; empty means valid. Never throws.
 */
export function validateScriptVersion(
  body: ScriptVersionBody,
  knownServiceKeys?: readonly string[],
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const byId = firstById(body.steps);
  const known = knownServiceKeys === undefined ? null : new Set(knownServiceKeys);

  const seen = new Set<string>();
  for (const step of body.steps) {
    if (seen.has(step.id)) {
      problems.push({
        stepId: step.id,
        field: 'id',
        message: `Step id "${step.id}" is used by more than one step`,
      });
    }
    seen.add(step.id);
  }
  if (!byId.has(body.start)) {
    problems.push({
      stepId: null,
      field: 'start',
      message: `Start step "${body.start}" does not exist`,
    });
  }
  if (!body.steps.some((s) => s.type === 'end')) {
    problems.push({ stepId: null, field: 'steps', message: 'The script has no end step' });
  }
  for (const step of body.steps) {
    problems.push(
      ...referenceProblems(step, byId),
      ...textProblems(step),
      ...serviceProblems(step, known),
    );
  }

  // Without a start nothing is reachable; the missing start is the one problem worth reporting.
  if (!byId.has(body.start)) return problems;
  const forward = (id: string): string[] => {
    const step = byId.get(id);
    return step === undefined ? [] : successorsOf(step).filter((next) => byId.has(next));
  };
  const reachable = reach([body.start], forward);
  const backward = new Map<string, string[]>();
  for (const id of byId.keys()) {
    for (const next of forward(id)) backward.set(next, [...(backward.get(next) ?? []), id]);
  }
  const ends = [...byId.values()].filter((s) => s.type === 'end').map((s) => s.id);
  const canFinish = reach(ends, (id) => backward.get(id) ?? []);

  for (const id of byId.keys()) {
    if (!reachable.has(id)) {
      problems.push({
        stepId: id,
        field: null,
        message: 'This step cannot be reached from the start',
      });
    } else if (!canFinish.has(id) && ends.length > 0) {
      problems.push({
        stepId: id,
        field: null,
        message: 'No end step can be reached from this step (the call could never finish)',
      });
    }
  }
  return problems;
}

const inLanguage = (language: string, problems: ScriptProblem[]): ScriptProblem[] =>
  problems.map((p) => ({ ...p, message: `${language}: ${p.message}` }));

/**
 * Checks every language version of a script (see validateScriptVersion) and that all versions
 * share one structure — the same start, step ids and types, answer ids and where each leads, and
 * services offered — so answers given in different languages can be counted together. The first
 * version is the reference the others are compared with. Every message starts with the language
 * it is about ("fr: …"). Empty means valid. Never throws.
 */
export function validateScript(
  versions: readonly ScriptVersionBody[],
  knownServiceKeys?: readonly string[],
): ScriptProblem[] {
  const [reference] = versions;
  if (reference === undefined) {
    return [{ stepId: null, field: 'versions', message: 'The script has no language version' }];
  }
  const problems: ScriptProblem[] = [];
  const languages = new Set<string>();
  versions.forEach((version, index) => {
    if (languages.has(version.language)) {
      problems.push({
        stepId: null,
        field: 'language',
        message: `${version.language}: there is more than one version in this language`,
      });
    }
    languages.add(version.language);
    problems.push(
      ...inLanguage(version.language, validateScriptVersion(version, knownServiceKeys)),
    );
    if (index > 0) {
      problems.push(...inLanguage(version.language, structureDifferences(reference, version)));
    }
  });
  return problems;
}
