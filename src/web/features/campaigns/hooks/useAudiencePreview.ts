import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { audienceSchema, priorityRuleSchema } from '../../../../shared/schemas/campaigns.js';
import { useDebounced } from '../../../app/useDebounced';
import { previewAudience, type PreviewInput } from '../api/campaigns';

/**
 * The live count for the audience being edited: asked again a moment after the filters stop
 * changing, and only while they are valid (a half-typed age is not sent).
 */
export function useAudiencePreview(input: PreviewInput) {
  const settled = useDebounced(JSON.stringify(input), 400);
  const parsed = JSON.parse(settled) as PreviewInput;
  const valid =
    audienceSchema.safeParse(parsed.audience).success &&
    parsed.priorities.every((rule) => priorityRuleSchema.safeParse(rule).success);
  return useQuery({
    queryKey: ['campaigns', 'preview', settled],
    queryFn: () => previewAudience(parsed),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
}
