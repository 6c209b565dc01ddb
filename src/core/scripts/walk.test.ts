import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScriptVersionBody } from '../../shared/schemas/scripts.js';
import { AppError } from '../errors.js';
import { arbitraryTreeScript } from './test-graphs.js';
import { firstStep, nextStep, pathIsComplete } from './walk.js';
import type { PathEntry } from './walk.js';

const body: ScriptVersionBody = {
  language: 'en',
  start: 'intro',
  steps: [
    { id: 'intro', type: 'say', title: 'Hello', text: 'Hello', next: 'ask' },
    {
      id: 'ask',
      type: 'question',
      title: 'Good time?',
      text: 'Is now a good time?',
      answers: [
        { id: 'yes', label: 'Yes', next: 'services' },
        { id: 'again', label: 'Say again?', next: 'ask' },
        { id: 'no', label: 'No', next: 'bye' },
        { id: 'broken', label: 'Broken', next: 'gone' },
      ],
    },
    { id: 'services', type: 'services', title: 'S', text: 'S', services: [], next: 'bye' },
    { id: 'bye', type: 'end', title: 'Bye', text: 'Bye' },
  ],
};

const badRequest = (run: () => unknown): void => {
  expect(run).toThrow(AppError);
  try {
    run();
  } catch (error) {
    expect((error as AppError).code).toBe('BAD_REQUEST');
  }
};

describe('firstStep and nextStep', () => {
  it('start at the start step and follow next links and answers', () => {
    expect(firstStep(body).id).toBe('intro');
    expect(nextStep(body, 'intro').id).toBe('ask');
    expect(nextStep(body, 'ask', 'again').id).toBe('ask');
    expect(nextStep(body, 'ask', 'yes').id).toBe('services');
    expect(nextStep(body, 'services', null).id).toBe('bye');
  });

  it('refuse invalid moves', () => {
    badRequest(() => firstStep({ ...body, start: 'nowhere' }));
    badRequest(() => nextStep(body, 'nowhere'));
    badRequest(() => nextStep(body, 'ask'));
    badRequest(() => nextStep(body, 'ask', 'maybe'));
    badRequest(() => nextStep(body, 'intro', 'yes'));
    badRequest(() => nextStep(body, 'bye'));
    badRequest(() => nextStep(body, 'ask', 'broken'));
  });
});

describe('pathIsComplete', () => {
  const path = (...entries: [string, string?][]): PathEntry[] =>
    entries.map(([stepId, answerId]) => ({ stepId, answerId }));

  it('accepts a path from the start to an end, loops included', () => {
    expect(pathIsComplete(body, path(['intro'], ['ask', 'again'], ['ask', 'no'], ['bye']))).toBe(
      true,
    );
  });

  it('rejects paths that stop early, skip steps, start elsewhere or take a wrong turn', () => {
    expect(pathIsComplete(body, [])).toBe(false);
    expect(pathIsComplete(body, path(['intro'], ['ask', 'no']))).toBe(false);
    expect(pathIsComplete(body, path(['intro'], ['bye']))).toBe(false);
    expect(pathIsComplete(body, path(['ask', 'no'], ['bye']))).toBe(false);
    expect(pathIsComplete(body, path(['intro'], ['ask', 'yes'], ['bye']))).toBe(false);
    expect(pathIsComplete(body, path(['intro'], ['ask'], ['bye']))).toBe(false);
  });

  it('accepts any walk that always takes the first answer in a valid tree', () => {
    fc.assert(
      fc.property(arbitraryTreeScript, (script) => {
        const walked: PathEntry[] = [];
        for (let step = firstStep(script); ;) {
          const answerId = step.type === 'question' ? step.answers[0]!.id : null;
          walked.push({ stepId: step.id, answerId });
          if (step.type === 'end') break;
          step = nextStep(script, step.id, answerId);
        }
        expect(pathIsComplete(script, walked)).toBe(true);
      }),
    );
  });
});
