import type { MutationDefinition, QueryDefinition } from '@reduxjs/toolkit/query'
import { retry, type Api, type ReactApiModules } from '@reduxjs/toolkit/query/react'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import axios, { type AxiosInstance } from 'axios'
import type { InterviewSession } from '../model/index.js'
import { axiosBaseQuery, type InterviewBaseQuery } from './axiosBaseQuery.js'
import { createBaseApi, type InterviewReads, type ListInterviewsArg } from './createBaseApi.js'
import type { AccessTokenGetter } from './hostCallbacks.js'
import { isInterviewApiError, type InterviewApiError } from './InterviewApiError.js'
import { registerKit } from './kitRegistry.js'
import { normalizeBaseUrl } from './requestUrl.js'
import { createStatusLayer } from './status/createStatusLayer.js'

/** Options of {@link createInterviewApi}. */
export interface CreateInterviewApiOptions<ReducerPath extends string = 'interviewApi'> {
  /**
   * Where the interview endpoints live: a path from the origin root (`'/api'`; `'/'` or `''` for the root itself) or
   * an absolute URL (`'https://host/api'`). A trailing slash is ignored. A path relative to the page (`'api'`) is
   * refused, since it would resolve differently on every page.
   * @default '/api'
   */
  baseUrl?: string
  /**
   * Returns the access token, or a promise of it. Called for every request, so a refreshed token is used at once;
   * `api.getState()` gives the host's store, to read the token from its own slice. No token: no request is sent and
   * the call fails with an `unauthorized` error. A getter that throws, rejects or returns something other than a
   * string counts as no token (reported once with `console.error`); one that never settles is cut off by `timeoutMs`.
   */
  getAccessToken: AccessTokenGetter
  /**
   * Called when the user must sign in again (a 401, or no token), once per burst per store: ten parallel requests
   * failing with 401 call it once. Redirect to the login page here. If it throws, the error is reported once with
   * `console.error` and the request still ends with its `unauthorized` error.
   */
  onUnauthorized?: (error: InterviewApiError) => void
  /**
   * The host's own axios instance: its request interceptors, adapter, `timeout`, `withCredentials` and headers
   * apply. What the kit depends on is set per request: the URL (from `baseUrl`; the instance's `baseURL` is not
   * used), `Authorization`, the standard 2xx `validateStatus`, and the answer, read before any response interceptor
   * (so interceptors that unwrap `response.data` do not change what the kit sees).
   * @default a fresh `axios.create()`
   */
  axiosInstance?: AxiosInstance
  /**
   * Where the api's state lives in the store.
   * @default 'interviewApi'
   */
  reducerPath?: ReducerPath
  /**
   * Milliseconds a request may take, the wait for the token included, before it ends as a `network` error with
   * `reason: 'timeout'` (a pause or resume then offers Retry). `0` turns the limit off.
   * @default 20000
   */
  timeoutMs?: number
  /**
   * How many times a read (`getInterview`, `listInterviews`) is retried when the server could not be reached. Never
   * after an HTTP error, a timeout or an abort; pause and resume are never retried automatically.
   * @default 2
   */
  queryRetries?: number
  /**
   * Milliseconds to wait before retry number `attempt` (1-based).
   * @default attempt => 300 * 2 ** (attempt - 1)
   */
  retryDelay?: (attempt: number) => number
  /**
   * Full validation of every session the server sends, with any Standard Schema v1 validator (valibot, zod,
   * arktype…); `sessionSchema` from `interview-session-kit/schema` checks the whole API contract. A session that
   * fails it is an `invalidResponse` error. Without it, only the fields the cache relies on are checked (`id` a
   * UUID, `status` a string, `updatedAt` a timestamp).
   */
  sessionSchema?: StandardSchemaV1
  /**
   * Share pause and resume with the api's stores in the other tabs of this origin (`BroadcastChannel`): a change
   * made in one tab shows at once in the others, which send no request for it (they read the session again only when
   * its outcome is unknown). Messages carry the change and the server's confirmed copy, never a token or state; a tab
   * takes copies only of sessions it holds already. Off while
   * rendering on a server and where there is no `BroadcastChannel`; turn it off in tests that are not about tabs.
   * @default true
   */
  crossTab?: boolean
  /**
   * Read the mounted sessions and lists again when the window regains focus or becomes visible (at most once every
   * few seconds), with no `setupListeners` call needed: `InterviewKitProvider` listens while it is mounted.
   * @default true
   */
  revalidateOnFocus?: boolean
  /**
   * Read the mounted sessions and lists again when the browser is back online.
   * @default true
   */
  revalidateOnReconnect?: boolean
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
): InterviewApi<ReducerPath>
// The implementation works with `string`: RTK's conditional endpoint types cannot be resolved over a generic
// reducer path, and the kit's internals never need the literal. The signature above gives hosts the literal.
export function createInterviewApi(options: CreateInterviewApiOptions<string>): InterviewApi<string> {
  const reducerPath = options.reducerPath ?? 'interviewApi'
  const queryRetries = options.queryRetries ?? 2
  const retryDelay = options.retryDelay ?? ((attempt: number) => 300 * 2 ** (attempt - 1))
  const timeoutMs = options.timeoutMs ?? 20_000
  const rawBaseQuery: InterviewBaseQuery = axiosBaseQuery({
    baseUrl: normalizeBaseUrl(options.baseUrl ?? '/api'),
    axiosInstance: options.axiosInstance ?? axios.create(),
    timeoutMs,
    callbacksOf: (api) => layer.runtimeOf(api).callbacks,
  })
  const baseQuery: InterviewBaseQuery = retry(rawBaseQuery, {
    // RTK's retry() retries everything by default, 4xx and mutations included: only reads that got no answer here.
    retryCondition: (error, _args, { attempt, baseQueryApi }) =>
      baseQueryApi.type === 'query' &&
      isInterviewApiError(error) &&
      error.kind === 'network' &&
      error.reason === 'unreachable' &&
      attempt <= queryRetries,
    backoff: (attempt, _max, signal) => wait(retryDelay(attempt), signal),
  })
  // The reads go through the status layer, which is built on the typed base api: bound late, called only once a
  // request runs.
  const reads: InterviewReads = {
    readSession: (sessionId, api, send) => layer.reads.readSession(sessionId, api, send),
    readList: (arg, api, send) => layer.reads.readList(arg, api, send),
  }
  // Focus and reconnect are the provider's (`useRevalidateOnFocus`), not RTK's `refetchOnFocus`: RTK's focus action
  // reaches every api of the store, and a host's own `setupListeners` would read this api's entries twice.
  const base = createBaseApi(reducerPath, baseQuery, reads)
  const layer = createStatusLayer(base, {
    callbacks: { getAccessToken: options.getAccessToken, onUnauthorized: options.onUnauthorized },
    sessionSchema: options.sessionSchema,
    crossTab: options.crossTab ?? true,
    timeoutMs,
  })
  const api = base.injectEndpoints({
    endpoints: (build) => ({
      /** Pauses an active session: `POST /interviews/:sessionId/pause`. Optimistic; joins a pause in flight. */
      pauseInterview: build.mutation<InterviewSession, string>(layer.changeEndpoint('pause')),
      /** Resumes a paused session: `POST /interviews/:sessionId/resume`. Optimistic; joins a resume in flight. */
      resumeInterview: build.mutation<InterviewSession, string>(layer.changeEndpoint('resume')),
    }),
  })
  api.middleware = layer.wrapMiddleware(api.middleware)
  registerKit({
    api,
    runtimeFor: layer.runtimeFor,
    attach: layer.runtimeOf,
    receive: layer.receive,
    revalidate: { focus: options.revalidateOnFocus ?? true, reconnect: options.revalidateOnReconnect ?? true },
  })
  return api
}

type InterviewTag = 'Interview' | 'InterviewList'

/** The endpoints of the interview api. */
export type InterviewEndpoints<ReducerPath extends string> = {
  getInterview: QueryDefinition<string, InterviewBaseQuery, InterviewTag, InterviewSession, ReducerPath>
  listInterviews: QueryDefinition<ListInterviewsArg | void, InterviewBaseQuery, InterviewTag, InterviewSession[], ReducerPath>
  pauseInterview: MutationDefinition<string, InterviewBaseQuery, InterviewTag, InterviewSession, ReducerPath>
  resumeInterview: MutationDefinition<string, InterviewBaseQuery, InterviewTag, InterviewSession, ReducerPath>
}

/** The RTK Query api returned by {@link createInterviewApi}, its state at `ReducerPath`. */
export type InterviewApi<ReducerPath extends string = 'interviewApi'> = Api<
  InterviewBaseQuery,
  InterviewEndpoints<ReducerPath>,
  ReducerPath,
  InterviewTag,
  ReactApiModules
>
