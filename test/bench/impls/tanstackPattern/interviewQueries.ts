// (c) TanStack Query v5's documented optimistic pattern ("Optimistic Updates → Via the cache"): `onMutate` cancels
// outgoing refetches, snapshots the cached lists, writes the new status, and returns the snapshot; `onError` rolls
// back to it; `onSettled` returns `invalidateQueries`, so the mutation stays pending until the refetch is done.
// The docs show `getQueryData`/`setQueryData` on one key; with several list variants cached (all, active, paused)
// their plural forms `getQueriesData`/`setQueriesData` do the same on each.
import type { MutationOptions, QueryKey, QueryObserverOptions } from '@tanstack/react-query'
import type { InterviewSession, InterviewStatus } from 'interview-session-kit'
import type { AxiosInstance } from 'axios'
import type { ListFilter } from '../../support/benchSeed'

export const interviewKeys = {
  all: ['interviews'] as const,
  lists: ['interviews', 'list'] as const,
  list: (filter: ListFilter) => ['interviews', 'list', filter] as const,
}

export function listQueryOptions(
  http: AxiosInstance,
  filter: ListFilter,
): QueryObserverOptions<InterviewSession[], Error, InterviewSession[], InterviewSession[], QueryKey> {
  return {
    queryKey: interviewKeys.list(filter),
    queryFn: ({ signal }) =>
      http
        .get<InterviewSession[]>('/interviews', { params: filter === 'all' ? undefined : { status: filter }, signal })
        .then((response) => response.data),
  }
}

type Snapshot = { previous: [QueryKey, InterviewSession[] | undefined][] }

export function statusMutationOptions(
  http: AxiosInstance,
  action: 'pause' | 'resume',
): MutationOptions<InterviewSession, Error, string, Snapshot> {
  const status: InterviewStatus = action === 'pause' ? 'paused' : 'active'
  return {
    mutationFn: (id) => http.post<InterviewSession>(`/interviews/${id}/${action}`, {}).then((response) => response.data),
    onMutate: async (id, context) => {
      // Cancel any outgoing refetches (so they don't overwrite our optimistic update)
      await context.client.cancelQueries({ queryKey: interviewKeys.all })
      // Snapshot the previous value
      const previous = context.client.getQueriesData<InterviewSession[]>({ queryKey: interviewKeys.lists })
      // Optimistically update to the new value
      context.client.setQueriesData<InterviewSession[]>({ queryKey: interviewKeys.lists }, (old) =>
        old?.map((session) => (session.id === id ? { ...session, status } : session)),
      )
      return { previous }
    },
    // If the mutation fails, use the snapshot returned from onMutate to roll back
    onError: (_error, _id, snapshot, context) => {
      for (const [key, data] of snapshot?.previous ?? []) context.client.setQueryData(key, data)
    },
    // Always refetch after error or success
    onSettled: (_data, _error, _id, _snapshot, context) =>
      context.client.invalidateQueries({ queryKey: interviewKeys.all }),
  }
}
