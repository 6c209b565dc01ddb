import type { TFunction } from 'i18next';
import { saveScriptInput } from '../../../../../shared/schemas/scripts.js';
import type { ScriptProblem } from '../../api/campaigns';
import type { EditedScript } from './editing';

/**
 * Problems the form can see by itself (empty titles, texts, answers), in the user's language and
 * tied to their step, before asking the server about the graph.
 */
export function localProblems(script: EditedScript, t: TFunction): ScriptProblem[] {
  const result = saveScriptInput.safeParse(script);
  if (result.success) return [];
  const problems: ScriptProblem[] = [];
  for (const issue of result.error.issues) {
    const [top, versionIndex, inVersion, stepIndex, field] = issue.path;
    if (top === 'name') {
      problems.push({ stepId: null, field: 'name', message: t('editor.problemName') });
      continue;
    }
    const version = typeof versionIndex === 'number' ? script.versions[versionIndex] : undefined;
    const step =
      version && inVersion === 'steps' && typeof stepIndex === 'number'
        ? version.steps[stepIndex]
        : undefined;
    const prefix =
      version && version.language !== script.defaultLanguage ? `${version.language}: ` : '';
    const what = typeof field === 'string' ? field : 'step';
    const message = t(
      `editor.problem.${what === 'answers' ? 'answers' : what === 'text' ? 'text' : what === 'title' ? 'title' : 'other'}`,
    );
    problems.push({
      stepId: step?.id ?? null,
      field: what,
      message: `${prefix}${step ? t('editor.problemIn', { title: step.title || step.id, message }) : message}`,
    });
  }
  return problems;
}
