import { describe, expect, it } from 'vitest';
import { serviceSchema, trainingSchema } from '../../../shared/schemas/campaigns.js';
import { MERGE_FIELDS, saveScriptInput } from '../../../shared/schemas/scripts.js';
import type { ScriptStep } from '../../../shared/schemas/scripts.js';
import { mergeFieldsIn } from '../../scripts/merge-fields.js';
import { validateScript } from '../../scripts/script-graph.js';
import {
  DEFAULT_TRAINING,
  STARTER_LANGUAGES,
  STARTER_SCRIPTS,
  STARTER_SERVICE_KEYS,
  STARTER_SERVICES,
} from './index.js';

const textsOf = (step: ScriptStep): string[] => [
  step.title,
  step.text,
  ...(step.type === 'question' ? step.answers.map((a) => a.label) : []),
];

describe('starter services', () => {
  it('are the six services of the original program, in English and French', () => {
    expect(STARTER_SERVICE_KEYS).toEqual([
      'enewsletter',
      'curbside',
      'virtual-info-desk',
      'digital-card',
      'virtual-programs',
      'eresources',
    ]);
    for (const service of STARTER_SERVICES) {
      expect(serviceSchema.omit({ id: true }).parse(service)).toEqual(service);
      for (const field of [service.name, service.description, service.talkingPoint]) {
        expect(Object.keys(field).sort()).toEqual(['en', 'fr']);
        expect(Object.values(field).every((text) => text.trim().length > 0)).toBe(true);
      }
      expect(service).toMatchObject({ link: null, active: true });
    }
  });
});

describe('starter scripts', () => {
  it('match the save schema', () => {
    for (const script of STARTER_SCRIPTS) {
      expect(() => saveScriptInput.parse(script)).not.toThrow();
    }
  });

  it.each(STARTER_SCRIPTS.map((s) => [s.name, s] as const))(
    '"%s" validates against the starter services, in every language alike',
    (_name, script) => {
      expect(validateScript(script.versions, STARTER_SERVICE_KEYS)).toEqual([]);
      expect(script.versions.map((v) => v.language)).toEqual([...STARTER_LANGUAGES]);
    },
  );

  it('use only allowed merge fields', () => {
    const allowed: readonly string[] = MERGE_FIELDS;
    const used = STARTER_SCRIPTS.flatMap((s) =>
      s.versions.flatMap((v) => v.steps.flatMap((step) => textsOf(step).flatMap(mergeFieldsIn))),
    );
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((field) => !allowed.includes(field))).toEqual([]);
  });

  it('introduce the caller and library, and close with the callback number', () => {
    for (const script of STARTER_SCRIPTS) {
      for (const version of script.versions) {
        const all = version.steps.flatMap(textsOf).join('\n');
        for (const field of ['caller.name', 'library.name', 'library.callbackNumber']) {
          expect(mergeFieldsIn(all)).toContain(field);
        }
      }
    }
  });
});

describe('default training', () => {
  it('has the same amount of guidance in English and French, and no links', () => {
    const { en, fr } = DEFAULT_TRAINING;
    for (const training of [en, fr]) {
      expect(trainingSchema.parse(training)).toEqual(training);
      expect(training.faq.length).toBeGreaterThanOrEqual(6);
      expect(training.links).toEqual([]);
    }
    expect(fr.talkingPoints).toHaveLength(en.talkingPoints.length);
    expect(fr.faq).toHaveLength(en.faq.length);
    expect(fr.tips).toHaveLength(en.tips.length);
  });
});
