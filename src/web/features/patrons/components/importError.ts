import type { TFunction } from 'i18next';
import { isApiError } from '../../../api/client';
import { errorMessage } from '../../../components/form/errorMessage';

/**
 * What to say when a file cannot be previewed or imported. For an unreadable file the server's
 * message names the file and what is wrong with it (row, missing column), so it is quoted inside
 * a translated sentence rather than replaced by a generic one.
 */
export function importErrorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) return errorMessage(error, t);
  const { code, message } = error;
  if (code === 'UNPROCESSABLE') return t('imports.errors.unprocessable', { message });
  if (code === 'PAYLOAD_TOO_LARGE') return t('imports.errors.tooLarge', { message });
  if (code === 'VALIDATION_FAILED') return t('imports.errors.invalid', { message });
  if (code === 'UNSUPPORTED_MEDIA_TYPE') return t('imports.errors.unsupported');
  return errorMessage(error, t);
}
