import { apiError, isApiError, issuesOf, type ApiError } from '../../../../api/client';

/** Another template already has this name (CONFLICT on the name field). */
function isNameTaken(error: unknown): error is ApiError {
  return (
    isApiError(error) &&
    error.code === 'CONFLICT' &&
    (error.details as { field?: unknown } | undefined)?.field === 'name'
  );
}

const VERSION_PATH = /^(?:body\.)?versions\.(\d+)\.(\w+)/;

/**
 * A server answer as the template form can show it. The editor shows one language version at a
 * time, with its fields under plain names (subject, html, text): a VALIDATION_FAILED answer about
 * `versions.N.field` becomes one about `field`, for the first version the server found fault
 * with, and says which language that is so the editor can open its tab. A name already in use
 * lands on the name field. Anything else is left as it is.
 */
export function forTemplateForm(
  error: unknown,
  versions: readonly { language: string }[],
): { error: unknown; language?: string } {
  if (isNameTaken(error)) {
    // The form words a field's problem by error code, and CONFLICT says "someone else changed
    // this": a name already in use is a problem with the name field instead (its hint says why).
    const issues = [{ path: 'name', message: error.message }];
    return {
      error: apiError(400, 'VALIDATION_FAILED', error.message, { issues }, error.requestId),
    };
  }
  if (!isApiError(error) || error.code !== 'VALIDATION_FAILED') return { error };
  const issues = issuesOf(error);
  const first = issues.map((issue) => VERSION_PATH.exec(issue.path)).find((m) => m !== null);
  if (!first) return { error };
  const index = Number(first[1]);
  const rewritten = issues.flatMap((issue) => {
    const match = VERSION_PATH.exec(issue.path);
    if (!match) return [issue];
    return Number(match[1]) === index ? [{ ...issue, path: match[2] ?? issue.path }] : [];
  });
  const details = { ...(error.details as object | undefined), issues: rewritten };
  return {
    error: apiError(error.status, error.code, error.message, details, error.requestId),
    language: versions[index]?.language,
  };
}
