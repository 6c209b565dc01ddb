import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserInput } from '../../../../shared/schemas/users.js';
import {
  createStaffMember,
  getStaffMember,
  listStaff,
  updateStaffMember,
  type StaffFilter,
} from '../api/staff';

const staffKeys = {
  all: ['staff'] as const,
  list: (filter: StaffFilter) => ['staff', 'list', filter] as const,
  member: (id: number) => ['staff', 'member', id] as const,
};

export function useStaffList(filter: StaffFilter) {
  return useQuery({
    queryKey: staffKeys.list(filter),
    queryFn: ({ signal }) => listStaff(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStaffMember(id: number) {
  return useQuery({
    queryKey: staffKeys.member(id),
    queryFn: ({ signal }) => getStaffMember(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCreateStaffMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStaffMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

export function useUpdateStaffMember(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => updateStaffMember(id, input),
    onSuccess: async (user) => {
      queryClient.setQueryData(staffKeys.member(id), user);
      await queryClient.invalidateQueries({ queryKey: [...staffKeys.all, 'list'] });
    },
  });
}
