import type { BaseQueryApi } from '@reduxjs/toolkit/query'
import { createApi, retry } from '@reduxjs/toolkit/query/react'
import axios, { type AxiosInstance } from 'axios'
import {
  isInterviewStatus,
  isSessionId,
  parseSession,
  parseSessionList,
  targetStatus,
  type InterviewSession,
  type InterviewStatus,
  type StatusAction,
} from '../model/index.js'
import { axiosBaseQuery, type AccessTokenGetter, type InterviewBaseQuery } from './axiosBaseQuery.js'
import { createStatusRuntime, type StatusRuntime } from './createStatusRuntime.js'
import { createUnauthorizedNotifier } from './createUnauthorizedNotifier.js'
import { invalidArgument, invalidResponse, isInterviewApiError, type InterviewApiError } from './InterviewApiError.js'
import { indexSessions, type SessionIndex } from './sessionIndex.js'
import { inListOrder, newer, placeInList, sameId } from './sessionOrder.js'

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

type Dispatcher = BaseQueryApi['dispatch']
type StateReader = BaseQueryApi['getState']
type MutationResult = { data: InterviewSession; error?: undefined } | { error: InterviewApiError; data?: undefined }

const LIST = { type: 'InterviewList', id: 'LIST' } as const

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

  const runtimes = new WeakMap<Dispatcher, StatusRuntime<MutationResult>>()
  const runtimeOf = (dispatch: Dispatcher) => {
    let runtime = runtimes.get(dispatch)
    if (!runtime) runtimes.set(dispatch, (runtime = createStatusRuntime<MutationResult>()))
    return runtime
  }
  type Queries = Parameters<typeof indexSessions>[0]
  const queriesOf = (getState: StateReader): Queries =>
    ((getState() as Record<string, { queries?: Queries } | undefined>)[reducerPath]?.queries ?? {}) as Queries
  const indexOf = (getState: StateReader): SessionIndex => indexSessions(queriesOf(getState))

  // A session from the server, as the caches should hold it: with the pending intent applied when a change is in
  // flight (a read that started before the change must not flip it back), and never older than a copy already held
  // (a read that started before a confirmed change must not undo it).
  function reconcile(runtime: StatusRuntime<MutationResult>, index: SessionIndex, session: InterviewSession) {
    if (!runtime.hasIntent(session.id)) return newer(index.get(session.id.toLowerCase()), session)
    runtime.observe(session)
    return runtime.displayed(session.id) ?? session
  }

  // The endpoints below call this while `api` is being typed from them; a narrow view of `api.util` breaks the cycle.
  type CacheUtil = {
    updateQueryData(endpointName: string, arg: unknown, recipe: () => unknown): Parameters<Dispatcher>[0]
    readSession(sessionId: string): (dispatch: Dispatcher) => Promise<unknown>
  }
  const util = (): CacheUtil => ({
    updateQueryData: (endpointName, arg, recipe) =>
      (api.util.updateQueryData as unknown as CacheUtil['updateQueryData'])(endpointName, arg, recipe),
    // A read that starts after the caller's point in time: one already running may have been answered before it.
    readSession: (sessionId) => async (dispatch: Dispatcher) => {
      const runningQuery = api.util.getRunningQueryThunk as unknown as (name: string, arg: unknown) => never
      const running = dispatch(runningQuery('getInterview', sessionId)) as PromiseLike<unknown> | undefined
      if (running) await running
      return dispatch(api.endpoints.getInterview.initiate(sessionId, { subscribe: false, forceRefetch: true }))
    },
  })

  // Writes one session into every cache entry that holds it (or, for list variants, should hold it). Variants that
  // are not cached are not created.
  function writeShown(dispatch: Dispatcher, getState: StateReader, shown: InterviewSession) {
    for (const entry of Object.values(queriesOf(getState))) {
      const { endpointName, originalArgs, data } = (entry ?? {}) as {
        endpointName?: string
        originalArgs?: unknown
        data?: unknown
      }
      if (data === undefined) continue
      if (endpointName === 'getInterview' && typeof originalArgs === 'string' && sameId(originalArgs, shown.id)) {
        if (data !== shown) dispatch(util().updateQueryData('getInterview', originalArgs, () => shown))
      } else if (endpointName === 'listInterviews') {
        const arg = originalArgs as ListInterviewsArg | undefined
        const next = placeInList(data as InterviewSession[], shown, arg?.status)
        if (next !== data) dispatch(util().updateQueryData('listInterviews', arg, () => next))
      }
    }
  }

  function show(dispatch: Dispatcher, getState: StateReader, id: string) {
    const shown = runtimeOf(dispatch).displayed(id)
    if (shown) writeShown(dispatch, getState, shown)
  }

  function statusChange(action: StatusAction) {
    const expected = targetStatus(action)
    return {
      async queryFn(
        sessionId: string,
        queryApi: BaseQueryApi,
        _extra: unknown,
        send: (request: Parameters<InterviewBaseQuery>[0]) => ReturnType<InterviewBaseQuery>,
      ): Promise<MutationResult> {
        if (!isSessionId(sessionId)) return { error: invalidArgument('sessionId must be a UUID') }
        const runtime = runtimeOf(queryApi.dispatch)
        return runtime.enqueue(sessionId, action, async () => {
          const result = await send({ method: 'POST', path: ['interviews', sessionId, action], sessionId, data: {} })
          if (result.error) return { error: result.error }
          const parsed = parseSession(result.data)
          const issues = !parsed.ok
            ? parsed.issues
            : !sameId(parsed.value.id, sessionId)
              ? [`id: expected "${sessionId}", received "${parsed.value.id}"`]
              : parsed.value.status !== expected
                ? [`status: expected "${expected}", received "${parsed.value.status}"`]
                : []
          if (!parsed.ok || issues.length > 0) return { error: invalidResponse(result.meta?.status, issues) }
          runtime.confirm(parsed.value)
          show(queryApi.dispatch, queryApi.getState, sessionId)
          return { data: parsed.value }
        })
      },
      async onQueryStarted(
        sessionId: string,
        lifecycle: { dispatch: Dispatcher; getState: StateReader; queryFulfilled: Promise<unknown> },
      ): Promise<void> {
        if (!isSessionId(sessionId)) return
        const { dispatch, getState, queryFulfilled } = lifecycle
        const runtime = runtimeOf(dispatch)
        runtime.open(sessionId, action, indexOf(getState).get(sessionId.toLowerCase()))
        show(dispatch, getState, sessionId)
        try {
          await queryFulfilled
        } catch (rejection) {
          // The failure is the caller's to read; here it ends this request's part of the intent. Except after a 2xx
          // whose body is unusable: the server did make the change, so rather than rolling back blindly the intent
          // stays until a fresh read of the session says what the server holds.
          const error = (rejection as { error?: unknown }).error
          if (isInterviewApiError(error) && error.kind === 'invalidResponse' && (error.status ?? 0) < 300) {
            await dispatch(util().readSession(sessionId) as never)
          }
        }
        if (runtime.close(sessionId)) {
          // Last request for this session settled: show the server's latest copy, which after a failure is the
          // newest answer seen (never a stale snapshot taken before the change).
          show(dispatch, getState, sessionId)
          runtime.release(sessionId)
        }
      },
      invalidatesTags: (_result: unknown, error: InterviewApiError | undefined, sessionId: string) => {
        if (!error) return [LIST]
        // Nothing to revalidate when no request reached the server, or when the credentials are the problem.
        if (error.kind === 'unauthorized' || (error.kind === 'invalid' && error.status === undefined)) return []
        return [{ type: 'Interview' as const, id: sessionId.toLowerCase() }, LIST]
      },
    }
  }

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
          return { data: reconcile(runtimeOf(queryApi.dispatch), indexOf(queryApi.getState), parsed.value) }
        },
        providesTags: (_result, _error, sessionId) => [{ type: 'Interview', id: sessionId.toLowerCase() }],
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
          const runtime = runtimeOf(queryApi.dispatch)
          const index = indexOf(queryApi.getState)
          // A newer copy taken from another cache entry would keep the older copy's place: put the list in order
          // again (a no-op for the server's own order).
          let list = inListOrder(
            parsed.value
              .map((session) => reconcile(runtime, index, session))
              .filter((session) => status === undefined || session.status === status),
          )
          for (const id of runtime.intentIds()) {
            const shown = runtime.displayed(id)
            if (shown) list = placeInList(list, shown, status)
          }
          return { data: list as InterviewSession[] }
        },
        providesTags: [LIST],
      }),
      /** Pauses an active session: `POST /interviews/:sessionId/pause`. Optimistic; joins a pause in flight. */
      pauseInterview: build.mutation<InterviewSession, string>(statusChange('pause')),
      /** Resumes a paused session: `POST /interviews/:sessionId/resume`. Optimistic; joins a resume in flight. */
      resumeInterview: build.mutation<InterviewSession, string>(statusChange('resume')),
    }),
  })
  return api
}

/** The RTK Query api returned by {@link createInterviewApi}. */
export type InterviewApi<ReducerPath extends string = 'interviewApi'> = ReturnType<
  typeof createInterviewApi<ReducerPath>
>
