import type { BaseQueryApi, TypedMutationOnQueryStarted } from '@reduxjs/toolkit/query'
import type { StandardSchemaV1 } from '@standard-schema/spec'
import {
  checkSession,
  checkSessionList,
  isInterviewStatus,
  isSessionId,
  sessionKey,
  targetStatus,
  type InterviewSession,
  type SessionCheck,
  type StatusAction,
} from '../../model/index.js'
import type { InterviewBaseQuery, InterviewRequest } from '../axiosBaseQuery.js'
import type { BaseInterviewApi, InterviewReads, ListInterviewsArg } from '../createBaseApi.js'
import type { HostCallbackOptions } from '../hostCallbacks.js'
import {
  invalidResponse,
  invalidSessionId,
  invalidStatusFilter,
  isInterviewApiError,
  networkError,
  type InterviewResult,
} from '../InterviewApiError.js'
import { LIST_TAG, sessionTag } from '../interviewTags.js'
import {
  createSessionRuntime,
  type CacheReader,
  type ChangeRecord,
  type StoreAccess,
  type ChangeOutcome,
  type Intent,
  type SessionRuntime,
} from './createSessionRuntime.js'
import { placeInList } from './placeInList.js'
import { observe, reconcileCopy, reconcileList, refreshShown } from './reconcile.js'
import { listOf, sessionOf, type IndexedEntry } from './sessionIndex.js'
import type { QueuedRequest } from './sessionQueue.js'
import { validateWith } from './validateWith.js'

type Send = (request: InterviewRequest) => ReturnType<InterviewBaseQuery>
const NO_ENTRIES: readonly never[] = []

export interface StatusLayerOptions {
  callbacks: HostCallbackOptions
  /** Full validation of every session answer (a Standard Schema v1), on top of the always-on check. */
  sessionSchema: StandardSchemaV1 | undefined
}

/**
 * How optimistic status changes work, in one place. Per store (kept by the api's middleware, reset with
 * `resetApiState`) the layer holds, for each session with a pause or resume in flight, the latest intent and the
 * server's newest copy; every cache entry shows that copy with the intent applied. Its surface:
 * - `begin`: a call starts; the change shows at once in every entry that holds the session, or should;
 * - `enqueue`: one request per intent, serialized per session (see `createSessionQueue`);
 * - `reconcile`: every read's answer goes through it, so a read that started before a change cannot undo it;
 * - `settle`: a request ended; after the last one the caches take the server's newest copy (never a snapshot taken
 *   before the change) and what needs it is revalidated. An unknown outcome (no answer, an abort after sending, a
 *   5xx) is never taken for success.
 */
export function createStatusLayer(api: BaseInterviewApi, options: StatusLayerOptions) {
  type State = Parameters<typeof api.util.selectEntriesForEndpoint>[0]
  type Runtime = SessionRuntime
  const runtimes = new WeakMap<() => unknown, Runtime>()
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

  /**
   * The runtime of a store, by its `getState` (the function the middleware, the endpoints and React all see, as RTK
   * keys its own runtime). The middleware creates it with the store; a middleware added lazily
   * (`createDynamicMiddleware`) runs only from the next action on, so whoever comes first creates it.
   */
  function runtimeOf(store: StoreAccess): Runtime {
    let runtime = runtimes.get(store.getState)
    if (!runtime) {
      runtime = createSessionRuntime(store, reader, options.callbacks)
      runtimes.set(store.getState, runtime)
    }
    return runtime
  }

  // ---- writes ------------------------------------------------------------------------------------------------

  function write(runtime: Runtime, entry: IndexedEntry, value: InterviewSession | readonly InterviewSession[]) {
    const patches = [{ op: 'replace' as const, path: [], value }]
    if (entry.kind === 'detail' && typeof entry.arg === 'string') {
      runtime.store.dispatch(api.util.patchQueryData('getInterview', entry.arg, patches))
    } else if (entry.kind === 'list') {
      runtime.store.dispatch(api.util.patchQueryData('listInterviews', listArg(entry.arg), patches))
    }
  }

  /**
   * Shows `shown` in every entry that holds the session, or should: its detail, each cached list it belongs to (by
   * the list's filter and order), never creating a list. A session a hook watches that no entry would hold any more
   * is kept in its detail entry, so the hook neither flashes "Loading…" nor fetches it again.
   */
  function show(runtime: Runtime, shown: InterviewSession, except?: string) {
    const index = runtime.index()
    const key = sessionKey(shown.id)
    let holders = 0
    const detail = index.detail(key)
    if (detail && sessionOf(detail)) {
      holders += 1
      if (detail.queryCacheKey !== except && detail.data !== shown) write(runtime, detail, shown)
    }
    for (const list of index.lists()) {
      const items = listOf(list)
      if (!items) continue
      const belongs = list.filter === undefined || shown.status === list.filter
      if (belongs) holders += 1
      if (list.queryCacheKey === except) continue
      const next = placeInList(items, shown, belongs, index.heldBy(key, list))
      if (next !== items) write(runtime, list, next)
    }
    if (holders === 0 && except === undefined && runtime.isWatched(key)) {
      runtime.store.dispatch(api.util.upsertQueryEntries([{ endpointName: 'getInterview', arg: shown.id, value: shown }]))
    }
  }

  // ---- reads ---------------------------------------------------------------------------------------------------

  async function check<T>(basic: SessionCheck<T>, full: (value: T) => Promise<SessionCheck<T>>): Promise<SessionCheck<T>> {
    return basic.ok && options.sessionSchema ? full(basic.value) : basic
  }
  const schemaCheck = (value: InterviewSession) => validateWith(options.sessionSchema, value, '')
  async function schemaCheckList(list: InterviewSession[]): Promise<SessionCheck<InterviewSession[]>> {
    const out: InterviewSession[] = []
    for (let i = 0; i < list.length; i += 1) {
      const result = await validateWith(options.sessionSchema, list[i] as InterviewSession, `${i}.`)
      if (!result.ok) return result
      out.push(result.value)
    }
    return { ok: true, value: out }
  }

  const reads: InterviewReads = {
    async readSession(sessionId, queryApi, send) {
      if (!isSessionId(sessionId)) return { error: invalidSessionId() }
      const runtime = runtimeOf(queryApi)
      const stamp = runtime.nextStamp()
      const result = await send({ method: 'GET', path: ['interviews', sessionId] })
      if (result.error) return { error: result.error }
      const checked = await check(checkSession(result.data, { id: sessionId }), schemaCheck)
      if (!checked.ok) return { error: invalidResponse(result.meta?.status, checked.issues) }
      runtime.setStamp(checked.value, stamp)
      const { value, spread } = reconcileCopy(runtime, checked.value)
      for (const copy of spread) show(runtime, copy, queryApi.queryCacheKey)
      return { data: value }
    },
    async readList(arg, queryApi, send) {
      const status = arg?.status
      if (status !== undefined && !isInterviewStatus(status)) return { error: invalidStatusFilter() }
      const runtime = runtimeOf(queryApi)
      const stamp = runtime.nextStamp()
      const result = await send({ method: 'GET', path: ['interviews'], ...(status ? { params: { status } } : {}) })
      if (result.error) return { error: result.error }
      let items: readonly unknown[]
      if (options.sessionSchema) {
        const checked = await check(checkSessionList(result.data), schemaCheckList)
        if (!checked.ok) return { error: invalidResponse(result.meta?.status, checked.issues) }
        items = checked.value
      } else if (Array.isArray(result.data)) items = result.data
      else return { error: invalidResponse(result.meta?.status, ['expected an array of sessions']) }
      const held = queryApi.queryCacheKey ? runtime.index().entry(queryApi.queryCacheKey) : undefined
      const reconciled = reconcileList(runtime, items, status, held && listOf(held), stamp)
      if ('issues' in reconciled) return { error: invalidResponse(result.meta?.status, reconciled.issues) }
      const { value, spread } = reconciled
      for (const copy of spread) show(runtime, copy, queryApi.queryCacheKey)
      // Readonly: possibly the array the cache already holds, frozen like every value RTK keeps.
      return { data: value as InterviewSession[] }
    },
  }

  // ---- changes -------------------------------------------------------------------------------------------------

  /** A call to pause or resume starts: it becomes the latest, and shows at once everywhere. */
  function begin(runtime: Runtime, key: string, action: StatusAction): number {
    let intent = runtime.intents.get(key)
    if (!intent) {
      const server = runtime.index().freshest(key)
      intent = { calls: [], unclaimed: [], requests: 0, server, shown: server, revalidateSession: false, revalidateLists: false }
      runtime.intents.set(key, intent)
    }
    const id = runtime.nextCallId()
    intent.calls.push({ id, action })
    intent.unclaimed.push(id)
    refreshShown(intent)
    runtime.recordChange(key, { id, action, status: 'pending' })
    if (intent.shown) show(runtime, intent.shown)
    runtime.notify([key])
    return id
  }

  /**
   * A call settled (or its caller aborted it): the session shows the latest call still waiting, or the server's
   * copy when none is. The intent closes once no call waits and no request runs.
   */
  function endCall(runtime: Runtime, generation: number, key: string, id: number, record: ChangeRecord) {
    if (runtime.generation !== generation) return
    const intent = runtime.intents.get(key)
    // Settled with its request already (or the intent closed): nothing left to do.
    if (!intent || !intent.calls.some((call) => call.id === id)) return
    intent.calls = intent.calls.filter((call) => call.id !== id)
    intent.unclaimed = intent.unclaimed.filter((call) => call !== id)
    if (runtime.changes.get(key)?.id === id) runtime.recordChange(key, record)
    const before = intent.shown
    refreshShown(intent)
    if (intent.calls.length === 0 && intent.requests === 0) return close(runtime, key, intent)
    if (intent.shown && intent.shown !== before) show(runtime, intent.shown)
    runtime.notify([key])
  }

  async function sendChange(
    runtime: Runtime,
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
    if (result.error) return { action, error: result.error, sent, stamp }
    const checked = await check(checkSession(result.data, { id: sessionId, status: targetStatus(action) }), schemaCheck)
    if (!checked.ok) return { action, error: invalidResponse(result.meta?.status, checked.issues), sent, stamp }
    runtime.setStamp(checked.value, stamp)
    return { action, data: checked.value, sent, stamp }
  }

  /**
   * A request ended: its answer becomes the server's copy, what it leaves unknown is marked for revalidation, and the
   * calls it carried settle with it, all at once (one React commit for the answer).
   */
  function settleRequest(
    runtime: Runtime,
    generation: number,
    key: string,
    sessionId: string,
    outcome: ChangeOutcome,
    request: QueuedRequest,
  ) {
    if (runtime.generation !== generation) return
    const intent = runtime.intents.get(key)
    if (!intent) return
    intent.requests -= 1
    const carried = new Set(request.calls)
    intent.calls = intent.calls.filter((call) => !carried.has(call.id))
    const latest = runtime.changes.get(key)
    if (latest && carried.has(latest.id)) {
      runtime.recordChange(key, recordOf(latest.id, latest.action, outcome.error ? { error: outcome.error } : undefined))
    }
    if (outcome.data) {
      observe(runtime, intent, outcome.data)
      intent.revalidateLists = true
    } else if (outcome.sent && outcome.error?.kind !== 'unauthorized') {
      // The server answered with a refusal, or its effect is unknown: read again what it holds.
      intent.revalidateSession = true
      intent.revalidateLists = true
    }
    const error = outcome.error
    if (error?.kind === 'invalidResponse' && (error.status ?? 0) < 300 && outcome.sent) {
      // The server made the change but its answer is unusable: rather than rolling back blindly, keep the change
      // shown (as a call of its own) until a read that starts now says what the server holds.
      // First in line: a call made since still decides what shows.
      const reading = { id: runtime.nextCallId(), action: outcome.action }
      intent.calls.unshift(reading)
      intent.revalidateSession = false
      void readAgain(runtime, sessionId).then(() => {
        if (runtime.generation !== generation) return
        intent.calls = intent.calls.filter((call) => call !== reading)
        refreshShown(intent)
        if (intent.requests === 0 && intent.calls.length === 0) close(runtime, key, intent)
        else if (intent.shown) show(runtime, intent.shown)
      })
    }
    refreshShown(intent)
    // Revalidation is asked for while this request's own call is still pending, so RTK runs it once every request
    // of a burst has ended (one refetch per list for ten pauses).
    if (intent.requests === 0) invalidate(runtime, key, intent)
    if (intent.requests === 0 && intent.calls.length === 0) return close(runtime, key, intent)
    if (intent.shown) show(runtime, intent.shown)
    runtime.notify([key])
  }

  async function readAgain(runtime: Runtime, sessionId: string) {
    // A read already running may have been answered before the change: wait for it, then read afresh.
    const running = runtime.store.dispatch(api.util.getRunningQueryThunk('getInterview', sessionId))
    if (running) await running
    await runtime.store.dispatch(api.endpoints.getInterview.initiate(sessionId, { subscribe: false, forceRefetch: true }))
  }

  function invalidate(runtime: Runtime, key: string, intent: Intent) {
    const tags = [...(intent.revalidateSession ? [sessionTag(key)] : []), ...(intent.revalidateLists ? [LIST_TAG] : [])]
    intent.revalidateSession = false
    intent.revalidateLists = false
    if (tags.length > 0) runtime.store.dispatch(api.util.invalidateTags(tags))
  }

  function close(runtime: Runtime, key: string, intent: Intent) {
    runtime.intents.delete(key)
    if (intent.server) show(runtime, intent.server)
    invalidate(runtime, key, intent)
    runtime.notify([key])
  }

  /** How a call ended, for the hooks' success and error messages. */
  function recordOf(id: number, action: StatusAction, rejection: unknown): ChangeRecord {
    if (rejection === undefined) return { id, action, status: 'succeeded' }
    const error = (rejection as { error?: unknown }).error
    if (!isInterviewApiError(error) || (error.kind === 'network' && error.reason === 'aborted')) {
      return { id, action, status: 'aborted' }
    }
    return { id, action, status: 'failed', error }
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
      const id = begin(runtime, key, action)
      let rejection: unknown
      try {
        await queryFulfilled
      } catch (error) {
        rejection = error ?? {}
      }
      endCall(runtime, generation, key, id, recordOf(id, action, rejection))
    }
    async function queryFn(sessionId: string, queryApi: BaseQueryApi, _extra: unknown, send: Send): Promise<InterviewResult<InterviewSession>> {
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
        abandoned: () => ({ action, error: networkError('aborted'), sent: false, stamp: 0 }),
        settled: (result, request) => settleRequest(runtime, generation, key, sessionId, result, request),
      })
      if (queryApi.signal.aborted) return { error: networkError('aborted') }
      return outcome.data ? { data: outcome.data } : { error: outcome.error ?? networkError('unreachable') }
    }
    return { queryFn, onQueryStarted }
  }

  // ---- the store's runtime -------------------------------------------------------------------------------------

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
          const result = handle(action)
          if (api.util.resetApiState.match(action)) runtime.reset()
          return result
        }
      }
    }
  }

  return {
    reads,
    changeEndpoint,
    wrapMiddleware,
    /** The runtime of a store, if anything created it yet. */
    runtimeFor: (store: { getState: () => unknown }): Runtime | undefined => runtimes.get(store.getState),
    /** The runtime of a store, created if need be. */
    runtimeOf,
  }
}

/** The `listInterviews` argument an entry was cached under. */
function listArg(arg: unknown): ListInterviewsArg | undefined {
  const status = (arg as ListInterviewsArg | undefined)?.status
  return status === undefined ? undefined : { status }
}

export type StatusLayer = ReturnType<typeof createStatusLayer>
