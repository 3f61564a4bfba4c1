import { createApi, retry } from '@reduxjs/toolkit/query/react'
import axios, { type AxiosInstance } from 'axios'
import {
  isInterviewStatus,
  isSessionId,
  parseSession,
  parseSessionList,
  type InterviewSession,
  type InterviewStatus,
} from '../model/index.js'
import { axiosBaseQuery, type AccessTokenGetter, type InterviewBaseQuery } from './axiosBaseQuery.js'
import { createSessionCache, type CacheUtil } from './createSessionCache.js'
import { createUnauthorizedNotifier } from './createUnauthorizedNotifier.js'
import { invalidArgument, invalidResponse, type InterviewApiError } from './InterviewApiError.js'
import { LIST_TAG, sessionTag } from './interviewTags.js'
import { sameId } from './sessionOrder.js'
import { statusChangeEndpoint } from './statusChangeEndpoint.js'

/** Argument of `listInterviews`: all of the user's sessions, or those in one status. */
export interface ListInterviewsArg {
  status?: InterviewStatus
}

/** Options of {@link createInterviewApi}. */
export interface CreateInterviewApiOptions<ReducerPath extends string = 'interviewApi'> {
  /**
   * Where the interview endpoints live, relative or absolute.
   * @default '/api'
   */
  baseUrl?: string
  /**
   * Returns the access token, or a promise of it. Called for every request, so a refreshed token is used at once;
   * `api.getState()` gives the host's store, to read the token from its own slice. No token: no request is sent and
   * the call fails with an `unauthorized` error.
   */
  getAccessToken: AccessTokenGetter
  /**
   * Called when the user must sign in again (a 401, or no token). Called once per burst: ten parallel requests
   * failing with 401 call it once. Redirect to the login page here.
   */
  onUnauthorized?: (error: InterviewApiError) => void
  /**
   * The host's own axios instance, with its interceptors. The api adds its `Authorization` header per request and
   * never to the instance's defaults.
   * @default a fresh `axios.create()`
   */
  axiosInstance?: AxiosInstance
  /**
   * Where the api's state lives in the store.
   * @default 'interviewApi'
   */
  reducerPath?: ReducerPath
  /**
   * How many times a read (`getInterview`, `listInterviews`) is retried after a network error (no response). Never
   * after an HTTP error; pause and resume are never retried automatically.
   * @default 2
   */
  queryRetries?: number
  /**
   * Milliseconds to wait before retry number `attempt` (1-based).
   * @default attempt => 300 * 2 ** (attempt - 1)
   */
  retryDelay?: (attempt: number) => number
}


function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve()
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/**
 * Creates the interview RTK Query api: `getInterview`, `listInterviews`, `pauseInterview`, `resumeInterview`, with
 * an axios base query, optimistic status changes that stay true under races, and list revalidation after they settle.
 *
 * Mount it like any RTK Query api: `[api.reducerPath]: api.reducer` and `.concat(api.middleware)`, or use
 * `createInterviewStore({ api })`.
 *
 * @example
 * ```ts
 * const interviewApi = createInterviewApi({
 *   baseUrl: '/api',
 *   getAccessToken: ({ getState }) => (getState() as RootState).auth.token,
 *   onUnauthorized: () => router.navigate('/login'),
 * })
 * ```
 */
export function createInterviewApi<ReducerPath extends string = 'interviewApi'>(
  options: CreateInterviewApiOptions<ReducerPath>,
) {
  const reducerPath = (options.reducerPath ?? 'interviewApi') as ReducerPath
  const queryRetries = options.queryRetries ?? 2
  const retryDelay = options.retryDelay ?? ((attempt: number) => 300 * 2 ** (attempt - 1))
  const rawBaseQuery: InterviewBaseQuery = axiosBaseQuery({
    baseUrl: (options.baseUrl ?? '/api').replace(/\/+$/, ''),
    axiosInstance: options.axiosInstance ?? axios.create(),
    getAccessToken: options.getAccessToken,
    unauthorized: createUnauthorizedNotifier(options.onUnauthorized),
  })
  const baseQuery = retry(rawBaseQuery, {
    // RTK's retry() retries everything by default, 4xx and mutations included: only reads without a response here.
    retryCondition: (error, _args, { attempt, baseQueryApi }) =>
      baseQueryApi.type === 'query' &&
      (error as InterviewApiError).kind === 'network' &&
      !(error as { aborted?: boolean }).aborted &&
      attempt <= queryRetries,
    backoff: (attempt, _max, signal) => wait(retryDelay(attempt), signal),
  })

  // The endpoints call this while `api` is being typed from them; a narrow view of `api.util` breaks the cycle.
  const util = (): CacheUtil => ({
    updateQueryData: (endpointName, arg, recipe) =>
      (api.util.updateQueryData as unknown as CacheUtil['updateQueryData'])(endpointName, arg, recipe),
    // A read that starts after the caller's point in time: one already running may have been answered before it.
    readSession: (sessionId) => async (dispatch) => {
      const runningQuery = api.util.getRunningQueryThunk as unknown as (name: string, arg: unknown) => never
      const running = dispatch(runningQuery('getInterview', sessionId)) as PromiseLike<unknown> | undefined
      if (running) await running
      return dispatch(api.endpoints.getInterview.initiate(sessionId, { subscribe: false, forceRefetch: true }))
    },
  })

  const cache = createSessionCache(reducerPath, util)

  const api = createApi({
    reducerPath,
    baseQuery,
    tagTypes: ['Interview', 'InterviewList'],
    endpoints: (build) => ({
      /** One session: `GET /interviews/:sessionId`. */
      getInterview: build.query<InterviewSession, string>({
        async queryFn(sessionId, queryApi, _extra, send) {
          if (!isSessionId(sessionId)) return { error: invalidArgument('sessionId must be a UUID') }
          const result = await send({ method: 'GET', path: ['interviews', sessionId], sessionId })
          if (result.error) return { error: result.error }
          const parsed = parseSession(result.data)
          if (!parsed.ok) return { error: invalidResponse(result.meta?.status, parsed.issues) }
          if (!sameId(parsed.value.id, sessionId)) {
            return { error: invalidResponse(result.meta?.status, [`id: expected "${sessionId}", received "${parsed.value.id}"`]) }
          }
          return { data: cache.reconcile(queryApi, parsed.value) }
        },
        providesTags: (_result, _error, sessionId) => [sessionTag(sessionId)],
      }),
      /** The user's sessions, most recently updated first: `GET /interviews?status=…`. */
      listInterviews: build.query<InterviewSession[], ListInterviewsArg | void>({
        // `undefined`, `{}` and `{ status: undefined }` are the same list.
        serializeQueryArgs: ({ endpointName, queryArgs }) => `${endpointName}(${queryArgs?.status ?? ''})`,
        async queryFn(arg, queryApi, _extra, send) {
          const status = arg?.status
          if (status !== undefined && !isInterviewStatus(status)) {
            return { error: invalidArgument('status must be one of active, paused, completed') }
          }
          const result = await send({ method: 'GET', path: ['interviews'], ...(status ? { params: { status } } : {}) })
          if (result.error) return { error: result.error }
          const parsed = parseSessionList(result.data)
          if (!parsed.ok) return { error: invalidResponse(result.meta?.status, parsed.issues) }
          return { data: cache.reconcileList(queryApi, parsed.value, status) }
        },
        providesTags: [LIST_TAG],
      }),
      /** Pauses an active session: `POST /interviews/:sessionId/pause`. Optimistic; joins a pause in flight. */
      pauseInterview: build.mutation<InterviewSession, string>(statusChangeEndpoint('pause', cache)),
      /** Resumes a paused session: `POST /interviews/:sessionId/resume`. Optimistic; joins a resume in flight. */
      resumeInterview: build.mutation<InterviewSession, string>(statusChangeEndpoint('resume', cache)),
    }),
  })
  return api
}

/** The RTK Query api returned by {@link createInterviewApi}. */
export type InterviewApi<ReducerPath extends string = 'interviewApi'> = ReturnType<
  typeof createInterviewApi<ReducerPath>
>
