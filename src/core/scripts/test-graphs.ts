import fc from 'fast-check';
import type { ScriptStep, ScriptVersionBody } from '../../shared/schemas/scripts.js';

/**
 * Random valid script graphs for property tests: a tree whose leaves are end steps, plus extra
 * answers looping back to earlier steps. Every step is reachable and can still reach an end.
 */

export function treeScript(
  parents: readonly number[],
  backEdges: readonly [number, number][],
): ScriptVersionBody {
  const count = parents.length + 1;
  const children: number[][] = Array.from({ length: count }, () => []);
  parents.forEach((parent, i) => children[parent]?.push(i + 1));
  const loopsFrom = (i: number): number[] =>
    backEdges.filter(([from]) => from === i).map(([, to]) => to);
  const id = (i: number): string => `s${i}`;
  const steps: ScriptStep[] = children.map((kids, i) => {
    const base = { id: id(i), title: `Step ${i}`, text: `Text of step ${i}` };
    const loops = loopsFrom(i).filter((to) => to <= i);
    const [only] = kids;
    if (only === undefined) return { ...base, type: 'end' };
    if (kids.length === 1 && loops.length === 0) {
      return i % 2 === 0
        ? { ...base, type: 'say', next: id(only) }
        : { ...base, type: 'services', services: [], next: id(only) };
    }
    const targets = [...kids, ...loops].slice(0, 12);
    return {
      ...base,
      type: 'question',
      answers: targets.map((to, a) => ({ id: `a${a}`, label: `Answer ${a}`, next: id(to) })),
    };
  });
  return { language: 'en', start: id(0), steps };
}

/** Parents: step i + 1 hangs under some earlier step (so the tree is connected). */
export const arbitraryTreeScript = fc
  .integer({ min: 0, max: 25 })
  .chain((size) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: size }, (_, i) => fc.integer({ min: 0, max: i }))),
      fc.array(fc.tuple(fc.integer({ min: 0, max: size }), fc.integer({ min: 0, max: size })), {
        maxLength: 8,
      }),
    ),
  )
  .map(([parents, backEdges]) => treeScript(parents, backEdges));
