import { describe, expect, it } from 'vitest';
import { microphoneConstraints, microphoneProblem } from './microphones';

describe('microphones', () => {
  it('asks for the chosen microphone exactly, or the default', () => {
    expect(microphoneConstraints('a1b2')).toEqual({ deviceId: { exact: 'a1b2' } });
    expect(microphoneConstraints(null)).toBe(true);
    expect(microphoneConstraints('')).toBe(true);
  });

  it.each([
    ['NotAllowedError', 'blocked'],
    ['SecurityError', 'blocked'],
    ['NotFoundError', 'missing'],
    ['OverconstrainedError', 'missing'],
    ['NotReadableError', 'error'],
    ['AbortError', 'error'],
  ] as const)('reads %s as %s', (name, problem) => {
    expect(microphoneProblem(new DOMException('', name))).toBe(problem);
    // Older browsers' OverconstrainedError is a plain object with a name.
    expect(microphoneProblem({ name, constraint: 'deviceId' })).toBe(problem);
  });

  it('reads anything else as an error', () => {
    expect(microphoneProblem(new TypeError('mediaDevices is undefined'))).toBe('error');
    expect(microphoneProblem('nope')).toBe('error');
    expect(microphoneProblem(null)).toBe('error');
  });
});
