import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign, UpdateCampaignInput } from '../../../../shared/schemas/campaigns.js';
import type { SaveScriptInput } from '../../../../shared/schemas/scripts.js';
import {
  changeStatus,
  createCampaign,
  createScript,
  getCampaign,
  getCampaignScript,
  getScript,
  getStarterTraining,
  importCampaign,
  launchCampaign,
  listCallers,
  listCampaigns,
  listScripts,
  refreshCallList,
  saveScript,
  updateCampaign,
  type StatusAction,
} from '../api/campaigns';

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  one: (id: number) => ['campaigns', 'one', id] as const,
  scripts: ['scripts'] as const,
  script: (id: number) => ['scripts', id] as const,
  callers: ['campaigns', 'callers'] as const,
  starterTraining: ['campaigns', 'starter-training'] as const,
};

export function useCampaignList() {
  return useQuery({ queryKey: campaignKeys.list, queryFn: ({ signal }) => listCampaigns(signal) });
}

export function useCampaign(id: number | undefined) {
  return useQuery({
    queryKey: campaignKeys.one(id ?? 0),
    queryFn: ({ signal }) => getCampaign(id ?? 0, signal),
    enabled: id !== undefined && id > 0,
  });
}

function useCampaignSaved() {
  const queryClient = useQueryClient();
  return async (campaign: Campaign) => {
    queryClient.setQueryData(campaignKeys.one(campaign.id), campaign);
    await queryClient.invalidateQueries({ queryKey: campaignKeys.list });
  };
}

export function useCreateCampaign() {
  const saved = useCampaignSaved();
  return useMutation({ mutationFn: createCampaign, onSuccess: saved });
}

export function useUpdateCampaign() {
  const saved = useCampaignSaved();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateCampaignInput }) =>
      updateCampaign(id, input),
    onSuccess: saved,
  });
}

export function useImportCampaign() {
  const saved = useCampaignSaved();
  return useMutation({ mutationFn: importCampaign, onSuccess: saved });
}

export function useLaunchCampaign() {
  const saved = useCampaignSaved();
  return useMutation({ mutationFn: launchCampaign, onSuccess: saved });
}

export function useStatusAction(id: number) {
  const saved = useCampaignSaved();
  return useMutation({
    mutationFn: (action: StatusAction) => changeStatus(id, action),
    onSuccess: saved,
  });
}

export function useRefreshCallList(id: number) {
  const saved = useCampaignSaved();
  return useMutation({
    mutationFn: () => refreshCallList(id),
    onSuccess: (result) => saved(result.campaign),
  });
}

export function useScripts() {
  return useQuery({
    queryKey: campaignKeys.scripts,
    queryFn: ({ signal }) => listScripts(signal),
    select: (data) => data.items,
  });
}

export function useScript(id: number | null) {
  return useQuery({
    queryKey: campaignKeys.script(id ?? 0),
    queryFn: ({ signal }) => getScript(id ?? 0, signal),
    enabled: id !== null && id > 0,
    retry: false,
  });
}

/** The script of a campaign, as its callers may read it (null when it has none). */
export function useCampaignScript(campaignId: number | null) {
  return useQuery({
    queryKey: [...campaignKeys.script(0), 'campaign', campaignId ?? 0],
    queryFn: ({ signal }) => getCampaignScript(campaignId ?? 0, signal),
    enabled: campaignId !== null && campaignId > 0,
    retry: false,
    select: (data) => data.script,
  });
}

export function useSaveScript() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: SaveScriptInput }) =>
      id === null ? createScript(input) : saveScript(id, input),
    onSuccess: async (script) => {
      queryClient.setQueryData(campaignKeys.script(script.id), script);
      await queryClient.invalidateQueries({ queryKey: campaignKeys.scripts, exact: true });
    },
  });
}

export function useCallers(enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.callers,
    queryFn: ({ signal }) => listCallers(signal),
    select: (data) => data.items.filter((user) => !user.disabled),
    enabled,
  });
}

export function useStarterTraining() {
  return useQuery({
    queryKey: campaignKeys.starterTraining,
    queryFn: ({ signal }) => getStarterTraining(signal),
    enabled: false,
    retry: false,
    staleTime: Infinity,
  });
}
