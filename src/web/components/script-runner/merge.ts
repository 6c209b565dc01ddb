import type { MergeField, ScriptVersionBody } from '../../../shared/schemas/scripts.js';

export type MergeValues = Partial<Record<MergeField, string>>;

/**
 * Text with its {{merge.fields}} filled in. A field with no value stays visible in brackets, so
 * the caller sees something is missing rather than a gap in a sentence.
 */
export function renderMerge(text: string, values: MergeValues): string {
  return text.replace(/{{\s*([\w.]+)\s*}}/g, (_whole, field: string) => {
    const value = values[field as MergeField];
    return value !== undefined && value !== '' ? value : `[${field}]`;
  });
}

/**
 * The script version for a patron: their language if the script has it, else the script's
 * default language, else the first version.
 */
export function versionFor<V extends ScriptVersionBody>(
  versions: readonly V[],
  language: string | null | undefined,
  defaultLanguage: string,
): V | undefined {
  return (
    versions.find((v) => v.language === language) ??
    versions.find((v) => v.language === defaultLanguage) ??
    versions[0]
  );
}
