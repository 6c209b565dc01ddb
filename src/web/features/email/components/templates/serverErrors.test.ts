import { describe, expect, it } from 'vitest';
import { apiError, issuesOf, type ApiError } from '../../../../api/client';
import { forTemplateForm } from './serverErrors';

const versions = [{ language: 'en' }, { language: 'fr' }];

function failed(paths: string[]) {
  return apiError(400, 'VALIDATION_FAILED', 'invalid', {
    issues: paths.map((path) => ({ path, message: 'wrong' })),
  });
}

describe('forTemplateForm', () => {
  it('names the fields of the first version at fault and its language', () => {
    const result = forTemplateForm(
      failed(['versions.1.html', 'versions.1.subject', 'versions.0.text', 'name']),
      versions,
    );
    expect(result.language).toBe('fr');
    expect(issuesOf(result.error as ApiError).map((i) => i.path)).toEqual([
      'html',
      'subject',
      'name',
    ]);
  });

  it('reads paths given with their body prefix', () => {
    const result = forTemplateForm(failed(['body.versions.0.text']), versions);
    expect(result.language).toBe('en');
    expect(issuesOf(result.error as ApiError)[0]?.path).toBe('text');
  });

  it('puts a name already in use on the name field', () => {
    const taken = apiError(409, 'CONFLICT', 'A template named “News” already exists', {
      field: 'name',
    });
    const result = forTemplateForm(taken, versions);
    expect((result.error as ApiError).code).toBe('VALIDATION_FAILED');
    expect(issuesOf(result.error as ApiError).map((i) => i.path)).toEqual(['name']);
    expect(result.language).toBeUndefined();
  });

  it('leaves other answers alone', () => {
    const other = failed(['name']);
    expect(forTemplateForm(other, versions)).toEqual({ error: other });
    const conflict = apiError(409, 'CONFLICT', 'archived', { field: 'templateId' });
    expect(forTemplateForm(conflict, versions)).toEqual({ error: conflict });
  });
});
