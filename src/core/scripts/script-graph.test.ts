import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScriptStep, ScriptVersionBody } from '../../shared/schemas/scripts.js';
import { validateScript, validateScriptVersion } from './script-graph.js';
import { arbitraryTreeScript } from './test-graphs.js';

const say = (id: string, next: string, text = 'Hello'): ScriptStep => ({
  id,
  type: 'say',
  title: id,
  text,
  next,
});
const end = (id: string): ScriptStep => ({ id, type: 'end', title: id, text: 'Goodbye' });
const question = (id: string, answers: [string, string][]): ScriptStep => ({
  id,
  type: 'question',
  title: id,
  text: 'Is now a good time?',
  answers: answers.map(([answerId, next]) => ({ id: answerId, label: answerId, next })),
});
const version = (steps: ScriptStep[], start = 'intro', language = 'en'): ScriptVersionBody => ({
  language,
  start,
  steps,
});

const valid = version([
  say('intro', 'ask', 'Hi {{patron.firstName}}, this is {{ caller.name }}.'),
  question('ask', [
    ['yes', 'services'],
    ['again', 'ask'],
    ['no', 'bye'],
  ]),
  {
    id: 'services',
    type: 'services',
    title: 'Services',
    text: 'We offer…',
    services: ['curbside'],
    next: 'bye',
  },
  end('bye'),
]);

describe('validateScriptVersion', () => {
  it('accepts a script whose loops can be left', () => {
    expect(validateScriptVersion(valid, ['curbside'])).toEqual([]);
  });

  it('reports duplicate step ids and a missing start', () => {
    const problems = validateScriptVersion(version([end('bye'), end('bye')], 'nowhere'));
    expect(problems).toContainEqual(expect.objectContaining({ stepId: 'bye', field: 'id' }));
    expect(problems).toContainEqual(expect.objectContaining({ stepId: null, field: 'start' }));
  });

  it('reports links to missing steps and duplicate answers, naming the field', () => {
    const problems = validateScriptVersion(
      version([
        say('intro', 'gone'),
        question('ask', [
          ['a', 'bye'],
          ['a', 'lost'],
        ]),
        end('bye'),
      ]),
    );
    expect(problems).toContainEqual(expect.objectContaining({ stepId: 'intro', field: 'next' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ stepId: 'ask', field: 'answers.1.id' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ stepId: 'ask', field: 'answers.1.next' }),
    );
  });

  it('reports unreachable steps', () => {
    const problems = validateScriptVersion(
      version([say('intro', 'bye'), end('bye'), end('orphan')]),
    );
    expect(problems).toEqual([expect.objectContaining({ stepId: 'orphan', field: null })]);
  });

  it('reports a loop with no way out, and a script without an end', () => {
    const trapped = validateScriptVersion(
      version([
        question('intro', [
          ['on', 'loop'],
          ['off', 'bye'],
        ]),
        say('loop', 'loop'),
        end('bye'),
      ]),
    );
    expect(trapped).toEqual([
      expect.objectContaining({ stepId: 'loop', message: expect.stringMatching(/no end step/i) }),
    ]);
    const endless = validateScriptVersion(version([say('intro', 'intro')]));
    expect(endless).toEqual([expect.objectContaining({ stepId: null, field: 'steps' })]);
  });

  it('reports unknown merge fields and unclosed braces in titles, texts and labels', () => {
    const problems = validateScriptVersion(
      version([
        { ...say('intro', 'ask', 'Hi {{patron.age}}'), title: 'Hi {{ caller.name' },
        {
          id: 'ask',
          type: 'question',
          title: 'Ask',
          text: 'Ask',
          answers: [{ id: 'ok', label: '{{x}}', next: 'bye' }],
        },
        end('bye'),
      ]),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        stepId: 'intro',
        field: 'title',
        message: expect.stringContaining('"{{"'),
      }),
      expect.objectContaining({
        stepId: 'intro',
        field: 'text',
        message: 'Unknown merge field {{patron.age}}',
      }),
      expect.objectContaining({
        stepId: 'ask',
        field: 'answers.0.label',
        message: 'Unknown merge field {{x}}',
      }),
    ]);
  });

  it('checks service keys only when the catalogue is given', () => {
    expect(validateScriptVersion(valid)).toEqual([]);
    expect(validateScriptVersion(valid, ['eresources'])).toEqual([
      expect.objectContaining({
        stepId: 'services',
        field: 'services.0',
        message: 'Unknown service "curbside"',
      }),
    ]);
  });

  it('accepts every generated tree with exits', () => {
    fc.assert(
      fc.property(arbitraryTreeScript, (body) => {
        expect(validateScriptVersion(body)).toEqual([]);
      }),
    );
  });

  it('reports an answer or next pointed at a missing step', () => {
    fc.assert(
      fc.property(arbitraryTreeScript, fc.nat(), (body, pick) => {
        const linking = body.steps.filter((s) => s.type !== 'end');
        fc.pre(linking.length > 0);
        const target = linking[pick % linking.length]!;
        const broken = body.steps.map((s): ScriptStep => {
          if (s !== target) return s;
          if (s.type === 'question') {
            return {
              ...s,
              answers: s.answers.map((a, i) => (i === 0 ? { ...a, next: 'missing' } : a)),
            };
          }
          return { ...s, next: 'missing' };
        });
        const field = target.type === 'question' ? 'answers.0.next' : 'next';
        expect(validateScriptVersion({ ...body, steps: broken })).toContainEqual(
          expect.objectContaining({ stepId: target.id, field }),
        );
      }),
    );
  });

  it('reports a removed end step', () => {
    fc.assert(
      fc.property(arbitraryTreeScript, fc.nat(), (body, pick) => {
        const ends = body.steps.filter((s) => s.type === 'end');
        const removed = ends[pick % ends.length]!;
        const steps = body.steps.filter((s) => s !== removed);
        fc.pre(steps.length > 0);
        expect(validateScriptVersion({ ...body, steps }).length).toBeGreaterThan(0);
      }),
    );
  });

  it('reports a script whose ends all loop back to the start', () => {
    fc.assert(
      fc.property(arbitraryTreeScript, (body) => {
        const steps = body.steps.map((s) => (s.type === 'end' ? say(s.id, body.start) : s));
        expect(validateScriptVersion({ ...body, steps })).toContainEqual(
          expect.objectContaining({ field: 'steps' }),
        );
      }),
    );
  });

  it('reports an extra step nothing leads to', () => {
    fc.assert(
      fc.property(arbitraryTreeScript, (body) => {
        const steps = [...body.steps, end('stray')];
        expect(validateScriptVersion({ ...body, steps })).toEqual([
          expect.objectContaining({ stepId: 'stray', field: null }),
        ]);
      }),
    );
  });
});

describe('validateScript', () => {
  const fr = (body: ScriptVersionBody): ScriptVersionBody => ({ ...body, language: 'fr' });

  it('accepts versions sharing one structure', () => {
    expect(validateScript([valid, fr(valid)], ['curbside'])).toEqual([]);
  });

  it('reports a script with no versions, and two versions in one language', () => {
    expect(validateScript([])).toEqual([expect.objectContaining({ field: 'versions' })]);
    expect(validateScript([valid, valid])).toEqual([
      expect.objectContaining({ field: 'language', message: expect.stringMatching(/^en: /) }),
    ]);
  });

  it('prefixes problems of one version with its language', () => {
    const broken = fr(
      version([say('intro', 'ask'), question('ask', [['yes', 'gone']]), end('bye')]),
    );
    const messages = validateScript([valid, broken]).map((p) => p.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.startsWith('fr: '))).toBe(true);
  });

  it('reports steps, types, answers, links and services that differ from the first version', () => {
    const steps = valid.steps.flatMap((s): ScriptStep[] => {
      if (s.id === 'intro') return [question('intro', [['go', 'ask']])];
      if (s.id === 'ask')
        return [
          question('ask', [
            ['yes', 'bye'],
            ['again', 'ask'],
            ['maybe', 'bye'],
          ]),
        ];
      if (s.type === 'services') return [{ ...s, services: ['eresources'] }];
      return [s];
    });
    const problems = validateScript([valid, fr(version([...steps, end('extra')]))]);
    const about = (stepId: string | null, field: string | null): unknown =>
      expect.objectContaining({ stepId, field, message: expect.stringMatching(/^fr: /) });
    expect(problems).toEqual(
      expect.arrayContaining([
        about('intro', 'type'),
        about('ask', 'answers'),
        about('services', 'services'),
        about('extra', null),
      ]),
    );
    const messages = problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/answer "no" is missing/);
    expect(messages).toMatch(/answer "maybe" is not in en/);
    expect(messages).toMatch(/answer "yes" leads to "bye" but to "services" in en/);
  });

  it('reports a step missing from a translation', () => {
    const steps = valid.steps
      .filter((s) => s.id !== 'services')
      .map((s) =>
        s.id === 'ask'
          ? question('ask', [
              ['yes', 'bye'],
              ['again', 'ask'],
              ['no', 'bye'],
            ])
          : s,
      );
    expect(validateScript([valid, fr(version(steps))])).toContainEqual(
      expect.objectContaining({
        stepId: 'services',
        message: 'fr: step "services" is missing (it is in en)',
      }),
    );
  });
});
