// (b) The plain RTK Query docs pattern: `createApi` over the docs' axios base query; the list provides one tag per
// session plus a LIST tag ("Automated Re-fetching"); pause/resume patch the session entry optimistically in
// `onQueryStarted`, undone when `queryFulfilled` rejects ("Manual Cache Updates"), and invalidate the session's tag
// and LIST: a status change moves the session between the filtered lists, which hold no tag for a session they do
// not contain yet (with the session's tag alone, the paused list never refetches). Written out per endpoint, as the
// docs do.
import { createApi } from '@reduxjs/toolkit/query/react'
import type { InterviewSession, InterviewStatus } from 'interview-session-kit'
import { axiosBaseQuery, createHttp } from './axiosBaseQuery'

export function createRtkPatternApi(baseUrl: string, token: string) {
  const api = createApi({
    reducerPath: 'rtkPatternApi',
    baseQuery: axiosBaseQuery(createHttp(baseUrl, token)),
    tagTypes: ['Interview'],
    endpoints: (build) => ({
      getInterview: build.query<InterviewSession, string>({
        query: (id) => ({ url: `/interviews/${id}` }),
        providesTags: (_result, _error, id) => [{ type: 'Interview', id }],
      }),
      listInterviews: build.query<InterviewSession[], InterviewStatus | undefined>({
        query: (status) => ({ url: '/interviews', params: status ? { status } : undefined }),
        providesTags: (result) =>
          result
            ? [...result.map(({ id }) => ({ type: 'Interview' as const, id })), { type: 'Interview', id: 'LIST' }]
            : [{ type: 'Interview', id: 'LIST' }],
      }),
      pauseInterview: build.mutation<InterviewSession, string>({
        query: (id) => ({ url: `/interviews/${id}/pause`, method: 'POST', data: {} }),
        invalidatesTags: (_result, _error, id) => [
          { type: 'Interview', id },
          { type: 'Interview', id: 'LIST' },
        ],
        onQueryStarted(id, { dispatch, queryFulfilled }) {
          const patchResult = dispatch(
            api.util.updateQueryData('getInterview', id, (draft) => {
              draft.status = 'paused'
            }),
          )
          queryFulfilled.catch(patchResult.undo)
        },
      }),
      resumeInterview: build.mutation<InterviewSession, string>({
        query: (id) => ({ url: `/interviews/${id}/resume`, method: 'POST', data: {} }),
        invalidatesTags: (_result, _error, id) => [
          { type: 'Interview', id },
          { type: 'Interview', id: 'LIST' },
        ],
        onQueryStarted(id, { dispatch, queryFulfilled }) {
          const patchResult = dispatch(
            api.util.updateQueryData('getInterview', id, (draft) => {
              draft.status = 'active'
            }),
          )
          queryFulfilled.catch(patchResult.undo)
        },
      }),
    }),
  })
  return api
}

export type RtkPatternApi = ReturnType<typeof createRtkPatternApi>
