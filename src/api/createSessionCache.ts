import type { BaseQueryApi } from '@reduxjs/toolkit/query'
import type { InterviewSession, InterviewStatus } from '../model/index.js'
import { createStatusRuntime, type StatusRuntime } from './createStatusRuntime.js'
import type { InterviewApiError } from './InterviewApiError.js'
import { indexSessions, type SessionIndex } from './sessionIndex.js'
import { inListOrder, newer, placeInList, sameId } from './sessionOrder.js'

export type Dispatcher = BaseQueryApi['dispatch']
export type StateReader = BaseQueryApi['getState']
/** What a pause or resume request resolves to. */
export type MutationResult = { data: InterviewSession; error?: undefined } | { error: InterviewApiError; data?: undefined }

/** The few api utilities the cache needs, typed narrowly: the endpoints use them while `api` is typed from them. */
export interface CacheUtil {
  updateQueryData(endpointName: string, arg: unknown, recipe: () => unknown): Parameters<Dispatcher>[0]
  /** A read of the session that starts now, after one already running (which may have been answered before). */
  readSession(sessionId: string): (dispatch: Dispatcher) => Promise<unknown>
}

type Queries = Parameters<typeof indexSessions>[0]
type StoreAccess = Pick<BaseQueryApi, 'dispatch' | 'getState'>

/** The api's view of its own cache: the per-store status runtime, reading sessions and writing them everywhere. */
export interface SessionCache {
  runtimeOf(dispatch: Dispatcher): StatusRuntime<MutationResult>
  /** The freshest cached copy of a session, from any entry. */
  cachedCopy(store: StoreAccess, sessionId: string): InterviewSession | undefined
  /** A session a read brought, as the caches should hold it. */
  reconcile(store: StoreAccess, session: InterviewSession): InterviewSession
  /** A list a read brought for `status`, as the cache should hold it. */
  reconcileList(store: StoreAccess, sessions: InterviewSession[], status: InterviewStatus | undefined): InterviewSession[]
  /** Writes the session as it should be shown now into every cache entry that holds it, or should. */
  show(store: StoreAccess, sessionId: string): void
  util: () => CacheUtil
}

/** Creates the {@link SessionCache} of an api mounted at `reducerPath`. */
export function createSessionCache(reducerPath: string, util: () => CacheUtil): SessionCache {
  const runtimes = new WeakMap<Dispatcher, StatusRuntime<MutationResult>>()
  const runtimeOf = (dispatch: Dispatcher) => {
    let runtime = runtimes.get(dispatch)
    if (!runtime) runtimes.set(dispatch, (runtime = createStatusRuntime<MutationResult>()))
    return runtime
  }
  const queriesOf = (getState: StateReader): Queries =>
    ((getState() as Record<string, { queries?: Queries } | undefined>)[reducerPath]?.queries ?? {}) as Queries
  const indexOf = (getState: StateReader): SessionIndex => indexSessions(queriesOf(getState))

  // A session from the server, as the caches should hold it: with the pending intent applied when a change is in
  // flight (a read that started before the change must not flip it back), and never older than a copy already held
  // (a read that started before a confirmed change must not undo it).
  function reconcileOne(runtime: StatusRuntime<MutationResult>, index: SessionIndex, session: InterviewSession) {
    if (!runtime.hasIntent(session.id)) return newer(index.get(session.id.toLowerCase()), session)
    runtime.observe(session)
    return runtime.displayed(session.id) ?? session
  }

  // Writes one session into every cache entry that holds it (or, for list variants, should hold it). Variants that
  // are not cached are not created.
  function writeShown({ dispatch, getState }: StoreAccess, shown: InterviewSession) {
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
        const arg = originalArgs as { status?: InterviewStatus } | undefined
        const next = placeInList(data as InterviewSession[], shown, arg?.status)
        if (next !== data) dispatch(util().updateQueryData('listInterviews', arg, () => next))
      }
    }
  }

  return {
    runtimeOf,
    util,
    cachedCopy: ({ getState }, sessionId) => indexOf(getState).get(sessionId.toLowerCase()),
    reconcile: (store, session) => reconcileOne(runtimeOf(store.dispatch), indexOf(store.getState), session),
    reconcileList(store, sessions, status) {
      const runtime = runtimeOf(store.dispatch)
      const index = indexOf(store.getState)
      // A newer copy taken from another cache entry would keep the older copy's place: put the list in order again
      // (a no-op for the server's own order).
      let list = inListOrder(
        sessions
          .map((session) => reconcileOne(runtime, index, session))
          .filter((session) => status === undefined || session.status === status),
      )
      for (const id of runtime.intentIds()) {
        const shown = runtime.displayed(id)
        if (shown) list = placeInList(list, shown, status)
      }
      return list as InterviewSession[]
    },
    show(store, sessionId) {
      const shown = runtimeOf(store.dispatch).displayed(sessionId)
      if (shown) writeShown(store, shown)
    },
  }
}
