import type { InterviewSession, StatusAction } from '../../model/index.js'
import { isInterviewApiError, type InterviewApiError } from '../InterviewApiError.js'
import type { ChangeRecord, SessionRuntime } from './createSessionRuntime.js'
import { pendingAction } from './reconcile.js'
import { sessionOf } from './sessionIndex.js'

/** Everything the hooks show about one session, as one immutable value (a new object only when something changed). */
export interface SessionSnapshot {
  /** The session as every component shows it: a change in flight applied, the freshest copy any entry holds. */
  readonly session: InterviewSession | undefined
  /** Whether a list entry holds it (then no component needs a detail request of its own). */
  readonly inAList: boolean
  /** Whether its own detail entry is cached. */
  readonly inDetail: boolean
  /** The change in flight, if any. */
  readonly pending: StatusAction | null
  /** The latest pause or resume call. */
  readonly change: ChangeRecord | undefined
  /** Why the session's own detail could not be loaded (only while no entry holds it). */
  readonly loadError: InterviewApiError | undefined
  /** Increases with every `resetApiState`. */
  readonly generation: number
}

/** One session's source for `useSyncExternalStore`: the same functions for every hook and render. */
export interface SessionSource {
  subscribe(listener: () => void): () => void
  read(): SessionSnapshot
}

interface SourceEntry extends SessionSource {
  last: SessionSnapshot | undefined
}

const sources = new WeakMap<SessionRuntime, Map<string, SourceEntry>>()

/** The source of session `key` in `runtime` (made once per session and store). */
export function sessionSource(runtime: SessionRuntime, key: string): SessionSource {
  let entries = sources.get(runtime)
  if (!entries) sources.set(runtime, (entries = new Map()))
  let entry = entries.get(key)
  if (!entry) {
    const made: SourceEntry = {
      last: undefined,
      subscribe: (listener) => runtime.subscribe(key, listener),
      read: () => (made.last = snapshotOf(runtime, key, made.last)),
    }
    entries.set(key, (entry = made))
  }
  return entry
}

/** The snapshot of session `key` in `runtime`: the same object as last time when nothing about it changed. */
function snapshotOf(runtime: SessionRuntime, key: string, last: SessionSnapshot | undefined): SessionSnapshot {
  const index = runtime.index()
  const intent = runtime.intents.get(key)
  const detail = index.detail(key)
  const session = intent?.shown ?? index.freshest(key)
  const detailError = detail && !sessionOf(detail) ? detail.view.error : undefined
  const inAList = index.inAList(key)
  const inDetail = detail !== undefined
  const pending = intent ? pendingAction(intent) : null
  const change = runtime.changes.get(key)
  const loadError = session === undefined && isInterviewApiError(detailError) ? detailError : undefined
  const { generation } = runtime
  if (
    last &&
    last.session === session &&
    last.inAList === inAList &&
    last.inDetail === inDetail &&
    last.pending === pending &&
    last.change === change &&
    last.loadError === loadError &&
    last.generation === generation
  ) {
    return last
  }
  return { session, inAList, inDetail, pending, change, loadError, generation }
}
