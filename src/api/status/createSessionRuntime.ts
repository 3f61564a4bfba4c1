import type { BaseQueryApi } from '@reduxjs/toolkit/query'
import type { InterviewSession, StatusAction } from '../../model/index.js'
import { compareTimes, targetStatus } from '../../model/index.js'
import { createHostCallbacks, type HostCallbackOptions, type HostCallbacks } from '../hostCallbacks.js'
import type { InterviewApiError } from '../InterviewApiError.js'
import { createSessionIndex, type CacheEntryView, type SessionIndex } from './sessionIndex.js'
import { BoundedMap } from './BoundedMap.js'
import { createSessionQueue, type SessionQueue } from './sessionQueue.js'
import type { TabChannel } from './tabChannel.js'

/** A pause or resume in flight for one session. */
export interface Intent {
  /** Calls not yet settled, oldest first: the last one's action is what the session shows (other tabs' calls too). */
  calls: { id: number; action: StatusAction }[]
  /** Calls begun (in RTK's lifecycle) whose request is not chosen yet, in call order: their endpoint claims them. */
  unclaimed: number[]
  /** Requests queued or in flight (joined calls share one). */
  requests: number
  /** The server's newest copy: shown as it is only once no call waits, and what the caches fall back to. */
  server: InterviewSession | undefined
  /** What every cache entry shows: `server` with the latest waiting call's status, or `server` itself. */
  shown: InterviewSession | undefined
  /** What to revalidate once the last request settled: the session (an unknown or refused outcome) and the lists. */
  revalidateSession: boolean
  revalidateLists: boolean
}

/** The latest pause or resume call of a session, as the hooks report it. */
export interface ChangeRecord {
  /** Increases with every call in the store: a component shows only changes made while it was mounted. */
  readonly id: number
  readonly action: StatusAction
  readonly status: 'pending' | 'succeeded' | 'failed' | 'aborted'
  readonly error?: InterviewApiError
}

/** The outcome of one pause or resume request. */
export type ChangeOutcome = {
  sessionId: string
  action: StatusAction
  data?: InterviewSession
  error?: InterviewApiError
  /** The request went on the wire: after a failure its effect on the server is unknown. */
  sent: boolean
  /** When the request was sent, in the store's request order (ties on `updatedAt` go to the later request). */
  stamp: number
}

/** The store a runtime belongs to. */
export interface StoreAccess {
  getState(): unknown
  /** RTK's own type for a dispatch that runs its thunks (as base queries get it). */
  dispatch: BaseQueryApi['dispatch']
}

/** What one store's runtime reads from the api's cache (RTK's selectors). */
export interface CacheReader {
  details(state: unknown): readonly CacheEntryView[]
  lists(state: unknown): readonly CacheEntryView[]
}

/**
 * One store's memory of the status layer, kept outside Redux as RTK keeps its own per-store runtime: promises and
 * request queues cannot live in the store, and the server's own copy of a session with a change in flight must never
 * be shown. `reset()` (on `resetApiState`) forgets all of it but which of the other tabs' calls ended.
 */
export interface SessionRuntime {
  readonly store: StoreAccess
  /** Whether the api's middleware runs in this store (it resets the runtime with `resetApiState`). */
  attached: boolean
  /** The channel to the api's stores in other tabs, when cross-tab sync is on. */
  channel: TabChannel | undefined
  /**
   * Other tabs' changes shown here: by `from:call`, the ones that ended (a later begin is stale), and per `from:key`
   * the latest call whose end brought a copy (an end of an earlier call brings an older copy).
   */
  readonly tabs: {
    calls: Map<string, { key: string; id: number; timer: ReturnType<typeof setTimeout> }>
    ended: BoundedMap<true>
    copied: BoundedMap<number>
  }
  /** Changes on every reset: work begun before a reset must not write after it. */
  readonly generation: number
  readonly callbacks: HostCallbacks
  readonly queue: SessionQueue<ChangeOutcome>
  readonly intents: Map<string, Intent>
  /** The index of the cache, synced with the store's current state (safe inside a render: it wakes no one). */
  index(): SessionIndex
  /** The next request stamp. */
  nextStamp(): number
  stampOf(copy: InterviewSession): number
  setStamp(copy: InterviewSession, stamp: number): void
  /** Whether copy `a` is newer than `b`: later `updatedAt`, or the same one from a request sent later. */
  fresher(a: InterviewSession, b: InterviewSession): boolean
  /** The latest pause/resume call of each session. */
  readonly changes: ReadonlyMap<string, ChangeRecord>
  /** Records the latest call of a session, and tells whoever follows every change (the provider's feedback). */
  recordChange(key: string, record: ChangeRecord): void
  /** The latest call of every session, as one immutable list: a new array only when a record changed. */
  changeLog(): readonly (readonly [key: string, record: ChangeRecord])[]
  /** Follows every change record; returns the unsubscribe function. */
  subscribeChanges(listener: () => void): () => void
  nextCallId(): number
  /**
   * Tells the hooks watching `keys` (and those whose sessions changed in a sync since) that their session changed:
   * with the store's next notification, or shortly after when none comes.
   */
  notify(keys: Iterable<string>): void
  /** Watches one session for the hooks: `listener` runs when anything about it changes. */
  subscribe(key: string, listener: () => void): () => void
  /** Whether a hook is watching the session. */
  isWatched(key: string): boolean
  /** Keeps the hooks informed of store changes while any of them watches (`subscribe` is the store's). */
  connect(subscribe: (listener: () => void) => () => void): () => void
  reset(): void
}

/** `server` as the caches show it while `action` is in flight. */
export function shownCopy(server: InterviewSession | undefined, action: StatusAction): InterviewSession | undefined {
  if (!server) return undefined
  const status = targetStatus(action)
  return server.status === status ? server : Object.freeze({ ...server, status })
}

// How long a change waits for the store's next notification before it is announced on its own.
const ANNOUNCE_AFTER_MS = 20

export function createSessionRuntime(
  store: StoreAccess,
  reader: CacheReader,
  callbackOptions: HostCallbackOptions,
): SessionRuntime {
  let generation = 0
  let stamp = 0
  let calls = 0
  let stamps = new WeakMap<object, number>()
  let callbacks = createHostCallbacks(callbackOptions)
  const queue = createSessionQueue<ChangeOutcome>()
  const intents = new Map<string, Intent>()
  const changes = new Map<string, ChangeRecord>()
  const listeners = new Map<string, Set<() => void>>()
  const changeListeners = new Set<() => void>()
  let log: readonly (readonly [string, ChangeRecord])[] = []
  let logged = true
  const stampOf = (copy: InterviewSession) => stamps.get(copy) ?? 0
  const fresher = (a: InterviewSession, b: InterviewSession) => {
    const byTime = compareTimes(a.updatedAt, b.updatedAt)
    return byTime !== 0 ? byTime > 0 : stampOf(a) > stampOf(b)
  }
  const sessionIndex = createSessionIndex(fresher)
  let syncedState: unknown
  // Sessions whose copies or changes moved, not yet announced to the hooks. They are announced together with the
  // store's next notification (RTK batches its cache writes until then), so that one pause is one React commit; a
  // short timer announces them when no store notification follows. A sync can also run inside a render (a hook
  // reading its snapshot), where waking other components is not allowed.
  const unannounced = new Set<string>()
  let changesMoved = false
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush() {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    const woken = [...unannounced]
    unannounced.clear()
    for (const key of woken) for (const listener of [...(listeners.get(key) ?? [])]) listener()
    if (changesMoved) {
      changesMoved = false
      for (const listener of [...changeListeners]) listener()
    }
  }

  function notify(keys: Iterable<string>) {
    for (const key of keys) unannounced.add(key)
    if (timer === undefined && (listeners.size > 0 || changeListeners.size > 0)) {
      timer = setTimeout(flush, ANNOUNCE_AFTER_MS)
    }
  }

  function index(): SessionIndex {
    const state = store.getState()
    if (state !== syncedState) {
      syncedState = state
      for (const key of sessionIndex.sync(reader.details(state), reader.lists(state))) unannounced.add(key)
    }
    return sessionIndex
  }

  let connections = 0
  let unsubscribeStore: (() => void) | undefined

  const tabs: SessionRuntime['tabs'] = { calls: new Map(), ended: new BoundedMap(), copied: new BoundedMap() }

  return {
    store,
    attached: false,
    channel: undefined,
    tabs,
    get generation() {
      return generation
    },
    get callbacks() {
      return callbacks
    },
    queue,
    intents,
    changes,
    recordChange(key, record) {
      changes.set(key, record)
      logged = false
      changesMoved = true
      notify([key])
    },
    changeLog() {
      if (!logged) {
        log = [...changes]
        logged = true
      }
      return log
    },
    subscribeChanges(listener) {
      changeListeners.add(listener)
      return () => void changeListeners.delete(listener)
    },
    index,
    nextStamp: () => ++stamp,
    stampOf,
    setStamp: (copy, value) => void stamps.set(copy, value),
    fresher,
    nextCallId: () => ++calls,
    notify,
    subscribe(key, listener) {
      let set = listeners.get(key)
      if (!set) listeners.set(key, (set = new Set()))
      set.add(listener)
      return () => {
        set.delete(listener)
        if (set.size === 0 && listeners.get(key) === set) listeners.delete(key)
      }
    },
    isWatched: (key) => listeners.has(key),
    connect(subscribe) {
      connections += 1
      // One store subscription for every hook of the kit: an action that leaves the api's state alone costs one
      // comparison, and a change wakes only the hooks whose session changed.
      const onStoreChange = () => {
        index()
        flush()
      }
      if (connections === 1) unsubscribeStore = subscribe(onStoreChange)
      onStoreChange()
      return () => {
        connections -= 1
        if (connections === 0) {
          unsubscribeStore?.()
          unsubscribeStore = undefined
        }
      }
    },
    reset() {
      generation += 1
      queue.abortAll()
      for (const remote of tabs.calls.values()) clearTimeout(remote.timer)
      tabs.calls.clear()
      // Which of the other tabs' calls ended stays known: a begin that arrives late must not show an ended change.
      intents.clear()
      changes.clear()
      logged = false
      changesMoved = true
      stamps = new WeakMap()
      callbacks = createHostCallbacks(callbackOptions)
      sessionIndex.clear()
      syncedState = undefined
      notify([...listeners.keys()])
    },
  }
}
