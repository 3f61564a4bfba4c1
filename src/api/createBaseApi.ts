import type { BaseQueryApi } from '@reduxjs/toolkit/query'
import { createApi } from '@reduxjs/toolkit/query/react'
import type { InterviewSession, InterviewStatus } from '../model/index.js'
import type { InterviewBaseQuery } from './axiosBaseQuery.js'
import type { InterviewResult } from './InterviewApiError.js'
import { LIST_TAG, listTag, sessionTag } from './interviewTags.js'

/** Argument of `listInterviews`: all of the user's sessions, or those in one status. */
export interface ListInterviewsArg {
  status?: InterviewStatus
}

type Send = (request: Parameters<InterviewBaseQuery>[0]) => ReturnType<InterviewBaseQuery>
type ReadResult<T> = Promise<InterviewResult<T>>

/** How the two reads get their data: through the status layer, which reconciles every answer with the cache. */
export interface InterviewReads {
  readSession(sessionId: string, api: BaseQueryApi, send: Send): ReadResult<InterviewSession>
  readList(arg: ListInterviewsArg | undefined, api: BaseQueryApi, send: Send): ReadResult<InterviewSession[]>
}

/**
 * The first step of the interview api: the two reads, `getInterview` and `listInterviews`. The status layer is built
 * on this typed api, then adds `pauseInterview` and `resumeInterview` with `injectEndpoints`.
 */
export function createBaseApi(
  reducerPath: string,
  baseQuery: InterviewBaseQuery,
  reads: InterviewReads,
) {
  return createApi({
    reducerPath,
    baseQuery,
    tagTypes: ['Interview', 'InterviewList'],
    endpoints: (build) => ({
      /** One session: `GET /interviews/:sessionId`. */
      getInterview: build.query<InterviewSession, string>({
        queryFn: (sessionId, api, _extra, send) => reads.readSession(sessionId, api, send),
        providesTags: (_result, _error, sessionId) => [sessionTag(sessionId)],
        // The status layer shares unchanged copies itself, across every entry that holds them.
        structuralSharing: false,
      }),
      /** The user's sessions, most recently updated first: `GET /interviews?status=…`. */
      listInterviews: build.query<InterviewSession[], ListInterviewsArg | void>({
        // `undefined`, `{}` and `{ status: undefined }` are the same list.
        serializeQueryArgs: ({ endpointName, queryArgs }) => `${endpointName}(${queryArgs?.status ?? ''})`,
        queryFn: (arg, api, _extra, send) => reads.readList(arg ?? undefined, api, send),
        providesTags: (_result, _error, arg) => [LIST_TAG, listTag(arg?.status)],
        structuralSharing: false,
      }),
    }),
  })
}

/** The api with the two reads, before the status changes are injected. */
export type BaseInterviewApi = ReturnType<typeof createBaseApi>
