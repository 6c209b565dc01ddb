import type { ScriptStep, ScriptVersionBody } from '../../shared/schemas/scripts.js';
import { AppError } from '../errors.js';

/**
 * Following a script during a call or in practice mode: where it starts, where an answer leads,
 * and whether a recorded path is a whole call. Assumes nothing about validity, so a script
 * edited mid-campaign fails loudly instead of sending the caller to a missing step.
 */

/** One step of a recorded path: the step shown, and the answer chosen if it was a question. */
export interface PathEntry {
  stepId: string;
  answerId?: string | null;
}

const invalidMove = (message: string, details: Record<string, unknown>): AppError =>
  new AppError('BAD_REQUEST', message, details);

function stepOf(body: ScriptVersionBody, stepId: string): ScriptStep {
  const step = body.steps.find((s) => s.id === stepId);
  if (step === undefined) throw invalidMove(`Step "${stepId}" is not in this script`, { stepId });
  return step;
}

/**
 * The step a call starts at.
 * @throws AppError BAD_REQUEST when the start step does not exist.
 */
export function firstStep(body: ScriptVersionBody): ScriptStep {
  return stepOf(body, body.start);
}

/**
 * The step after `stepId`: for a question, the one `answerId` leads to; otherwise its `next`.
 * @throws AppError BAD_REQUEST when the step is unknown or an end, when a question gets no
 *   answer or an unknown one, when another step gets an answer, or when the target is missing.
 */
export function nextStep(
  body: ScriptVersionBody,
  stepId: string,
  answerId?: string | null,
): ScriptStep {
  const step = stepOf(body, stepId);
  const hasAnswer = answerId !== undefined && answerId !== null;
  let target: string;
  switch (step.type) {
    case 'end':
      throw invalidMove(`Step "${stepId}" ends the call; nothing follows it`, { stepId });
    case 'question': {
      if (!hasAnswer) throw invalidMove(`Step "${stepId}" needs an answer`, { stepId });
      const answer = step.answers.find((a) => a.id === answerId);
      if (answer === undefined) {
        throw invalidMove(`Step "${stepId}" has no answer "${answerId}"`, { stepId, answerId });
      }
      target = answer.next;
      break;
    }
    case 'say':
    case 'services':
      if (hasAnswer) {
        throw invalidMove(`Step "${stepId}" is not a question; it takes no answer`, {
          stepId,
          answerId,
        });
      }
      target = step.next;
      break;
  }
  return stepOf(body, target);
}

/**
 * Whether `path` is a whole call: it begins at the start, each entry follows from the one before
 * by a valid move, and the last entry is an end step. Never throws.
 */
export function pathIsComplete(body: ScriptVersionBody, path: readonly PathEntry[]): boolean {
  if (path[0]?.stepId !== body.start) return false;
  try {
    for (let i = 1; i < path.length; i++) {
      const previous = path[i - 1];
      const current = path[i];
      if (previous === undefined || current === undefined) return false;
      if (nextStep(body, previous.stepId, previous.answerId).id !== current.stepId) return false;
    }
    const last = path[path.length - 1];
    return last !== undefined && stepOf(body, last.stepId).type === 'end';
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}
