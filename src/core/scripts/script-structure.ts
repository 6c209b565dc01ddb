import type { ScriptVersionBody } from '../../shared/schemas/scripts.js';
import type { ScriptProblem } from './script-graph.js';
import { firstById } from './steps.js';

/**
 * Cross-language comparison of script versions. Kept apart from the single-version checks because
 * it is about translation drift, not about whether one version can be followed.
 */

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** How `other` differs in structure from `reference` (step ids, types, answers, links, services). */
export function structureDifferences(
  reference: ScriptVersionBody,
  other: ScriptVersionBody,
): ScriptProblem[] {
  const ref = reference.language;
  const problems: ScriptProblem[] = [];
  const refSteps = firstById(reference.steps);
  const steps = firstById(other.steps);
  if (other.start !== reference.start) {
    problems.push({
      stepId: null,
      field: 'start',
      message: `starts at "${other.start}" but ${ref} starts at "${reference.start}"`,
    });
  }
  for (const id of refSteps.keys()) {
    if (!steps.has(id))
      problems.push({
        stepId: id,
        field: null,
        message: `step "${id}" is missing (it is in ${ref})`,
      });
  }
  for (const [id, step] of steps) {
    const refStep = refSteps.get(id);
    if (refStep === undefined) {
      problems.push({ stepId: id, field: null, message: `step "${id}" is not in ${ref}` });
    } else if (refStep.type !== step.type) {
      problems.push({
        stepId: id,
        field: 'type',
        message: `step "${id}" is a ${step.type} step but a ${refStep.type} step in ${ref}`,
      });
    } else if (refStep.type === 'question' && step.type === 'question') {
      const refAnswers = new Map(refStep.answers.map((a) => [a.id, a.next]));
      const answers = new Map(step.answers.map((a) => [a.id, a.next]));
      for (const answerId of refAnswers.keys()) {
        if (!answers.has(answerId)) {
          problems.push({
            stepId: id,
            field: 'answers',
            message: `answer "${answerId}" is missing (it is in ${ref})`,
          });
        }
      }
      for (const [answerId, next] of answers) {
        const refNext = refAnswers.get(answerId);
        if (refNext === undefined) {
          problems.push({
            stepId: id,
            field: 'answers',
            message: `answer "${answerId}" is not in ${ref}`,
          });
        } else if (refNext !== next) {
          problems.push({
            stepId: id,
            field: 'answers',
            message: `answer "${answerId}" leads to "${next}" but to "${refNext}" in ${ref}`,
          });
        }
      }
    } else if (
      (refStep.type === 'say' || refStep.type === 'services') &&
      (step.type === 'say' || step.type === 'services') &&
      refStep.next !== step.next
    ) {
      problems.push({
        stepId: id,
        field: 'next',
        message: `leads to "${step.next}" but to "${refStep.next}" in ${ref}`,
      });
    }
    if (
      refStep?.type === 'services' &&
      step.type === 'services' &&
      !sameList([...refStep.services].sort(), [...step.services].sort())
    ) {
      problems.push({
        stepId: id,
        field: 'services',
        message: `offers ${step.services.join(', ') || 'all services'} but ${ref} offers ${refStep.services.join(', ') || 'all services'}`,
      });
    }
  }
  return problems;
}
