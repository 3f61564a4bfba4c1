import type { BaseQueryApi, TypedMutationOnQueryStarted } from '@reduxjs/toolkit/query'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import { isSessionId, sessionKey, targetStatus, type InterviewSession, type StatusAction } from '../../model/index.js'
import type { InterviewBaseQuery, InterviewRequest } from '../axiosBaseQuery.js'
import type { BaseInterviewApi } from '../createBaseApi.js'
import type { HostCallbackOptions } from '../hostCallbacks.js'
import { invalidResponse, invalidSessionId, networkError, type InterviewResult } from '../InterviewApiError.js'
import { createAnswerCheck, createSessionReads } from './createSessionReads.js'
import {
  createSessionRuntime,
  type CacheReader,
  type ChangeOutcome,
  type SessionRuntime,
  type StoreAccess,
} from './createSessionRuntime.js'
import { createSessionWriter } from './createSessionWriter.js'
import { createStatusChanges, recordOf } from './createStatusChanges.js'
import { openTabChannel } from './tabChannel.js'

type Send = (request: InterviewRequest) => ReturnType<InterviewBaseQuery>
const NO_ENTRIES: readonly never[] = []

export interface StatusLayerOptions {
  callbacks: HostCallbackOptions
  /** Full validation of every session answer (a Standard Schema v1), on top of the always-on check. */
  sessionSchema: StandardSchemaV1 | undefined
  /** Share status changes with the api's stores in other tabs. */
  crossTab: boolean
  /** The api's request timeout: another tab's change that never ends stops showing a little after it. */
  timeoutMs: number
}

/**
 * How optimistic status changes work, in one place. Per store (kept by the api's middleware, reset with
 * `resetApiState`) the layer holds, for each session with a pause or resume in flight, the calls waiting, the
 * requests running and the server's newest copy; every cache entry shows that copy with the latest waiting call's
 * status. Its parts:
 * - `begin` / `endCall` (`createStatusChanges`): a call starts, and shows at once in every entry that holds the
 *   session, or should; it ends with its request, or when its caller aborts it;
 * - `enqueue` (`createSessionQueue`): one request per intent, serialized per session;
 * - `reconcile` (`reconcile`, used by `createSessionReads`): every read's answer goes through it, so a read that
 *   started before a change cannot undo it;
 * - `settleRequest`: a request ended; after the last one the caches take the server's newest copy (never a snapshot
 *   taken before the change) and what needs it is revalidated. An unknown outcome (no answer, an abort after sending,
 *   a 5xx) is never taken for success;
 * - the same for other tabs' changes (`fromTab`) and for copies pushed by the server (`receive`).
 */
export function createStatusLayer(api: BaseInterviewApi, options: StatusLayerOptions) {
  type State = Parameters<typeof api.util.selectEntriesForEndpoint>[0]
  const runtimes = new WeakMap<() => unknown, SessionRuntime>()
  // A store whose state has the api's slice is the api's root state (its reducer is mounted there).
  const apiState = (state: unknown): State | undefined =>
    typeof state === 'object' && state !== null && api.reducerPath in state ? (state as State) : undefined
  const reader: CacheReader = {
    details: (state) => {
      const root = apiState(state)
      return root ? api.util.selectEntriesForEndpoint(root, 'getInterview') : NO_ENTRIES
    },
    lists: (state) => {
      const root = apiState(state)
      return root ? api.util.selectEntriesForEndpoint(root, 'listInterviews') : NO_ENTRIES
    },
  }
  const writer = createSessionWriter(api)
  const changes = createStatusChanges(api, writer, options.timeoutMs)
  const check = createAnswerCheck(options.sessionSchema)

  /**
   * The runtime of a store, by its `getState` (the function the middleware, the endpoints and React all see, as RTK
   * keys its own runtime). The middleware creates it with the store; a middleware added lazily
   * (`createDynamicMiddleware`) runs only from the next action on, so whoever comes first creates it.
   */
  function runtimeOf(store: StoreAccess): SessionRuntime {
    let runtime = runtimes.get(store.getState)
    if (!runtime) {
      const created = createSessionRuntime(store, reader, options.callbacks)
      if (options.crossTab) {
        created.channel = openTabChannel(`interview-session-kit/${api.reducerPath}`, (message) => changes.fromTab(created, message))
      }
      runtimes.set(store.getState, created)
      runtime = created
    }
    return runtime
  }

  async function sendChange(
    runtime: SessionRuntime,
    sessionId: string,
    action: StatusAction,
    signal: AbortSignal,
    send: Send,
  ): Promise<ChangeOutcome> {
    let sent = false
    let stamp = 0
    const result = await send({
      method: 'POST',
      path: ['interviews', sessionId, action],
      signal,
      onSend: () => {
        sent = true
        stamp = runtime.nextStamp()
      },
    })
    const outcome = { sessionId, action, sent }
    if (result.error) return { ...outcome, error: result.error, stamp }
    const checked = await check.session(result.data, { id: sessionId, status: targetStatus(action) })
    if (!checked.ok) return { ...outcome, error: invalidResponse(result.meta?.status, checked.issues), stamp }
    runtime.setStamp(checked.value, stamp)
    return { ...outcome, data: checked.value, stamp }
  }

  /**
   * The definition of `pauseInterview` or `resumeInterview`. The call (RTK's mutation lifecycle) and the request
   * (the queue) are apart: calls that join one request share it, and a caller that aborts leaves it.
   */
  function changeEndpoint(action: StatusAction) {
    const onQueryStarted: TypedMutationOnQueryStarted<InterviewSession, string, InterviewBaseQuery> = async (
      sessionId,
      { getState, dispatch, queryFulfilled },
    ) => {
      if (!isSessionId(sessionId)) return
      const runtime = runtimeOf({ getState, dispatch })
      const key = sessionKey(sessionId)
      const generation = runtime.generation
      const id = changes.begin(runtime, key, action)
      let rejection: unknown
      try {
        await queryFulfilled
      } catch (error) {
        rejection = error ?? {}
      }
      changes.endCall(runtime, generation, key, id, recordOf(id, action, rejection))
    }
    async function queryFn(
      sessionId: string,
      queryApi: BaseQueryApi,
      _extra: unknown,
      send: Send,
    ): Promise<InterviewResult<InterviewSession>> {
      if (!isSessionId(sessionId)) return { error: invalidSessionId() }
      const runtime = runtimeOf(queryApi)
      const key = sessionKey(sessionId)
      const generation = runtime.generation
      // The call RTK's lifecycle just began for this session (calls begin and reach here in the same order).
      const call = runtime.intents.get(key)?.unclaimed.shift() ?? 0
      const outcome = await runtime.queue.enqueue(key, action, call, queryApi.signal, {
        created: () => {
          const intent = runtime.intents.get(key)
          if (intent) intent.requests += 1
        },
        run: (request) => sendChange(runtime, sessionId, action, request.signal, send),
        abandoned: () => ({ sessionId, action, error: networkError('aborted'), sent: false, stamp: 0 }),
        settled: (result, request) => changes.settleRequest(runtime, generation, key, result, request),
      })
      if (queryApi.signal.aborted) return { error: networkError('aborted') }
      return outcome.data ? { data: outcome.data } : { error: outcome.error ?? networkError('unreachable') }
    }
    return { queryFn, onQueryStarted }
  }

  /**
   * The api's one middleware, wrapped: it creates the store's runtime when the store is created, and forgets it all on
   * `resetApiState` (after RTK has aborted the running requests), so nothing of the previous user shows afterwards.
   */
  function wrapMiddleware(inner: typeof api.middleware): typeof api.middleware {
    return (middlewareApi) => {
      const runtime = runtimeOf(middlewareApi)
      runtime.attached = true
      const chain = inner(middlewareApi)
      return (next) => {
        const handle = chain(next)
        return (action) => {
          const reset = api.util.resetApiState.match(action)
          if (reset) changes.beforeReset(runtime)
          const result = handle(action)
          if (reset) runtime.reset()
          return result
        }
      }
    }
  }

  return {
    reads: createSessionReads(runtimeOf, writer, check),
    changeEndpoint,
    wrapMiddleware,
    /** A copy of a session pushed from elsewhere (see `receiveSession`). */
    receive: (store: StoreAccess, session: unknown) => changes.receive(runtimeOf(store), session, false),
    /** The runtime of a store, if anything created it yet. */
    runtimeFor: (store: { getState: () => unknown }): SessionRuntime | undefined => runtimes.get(store.getState),
    /** The runtime of a store, created if need be. */
    runtimeOf,
  }
}

export type StatusLayer = ReturnType<typeof createStatusLayer>
