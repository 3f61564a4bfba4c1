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

const snapshots = new WeakMap<object, Map<string, SessionSnapshot>>()

/** The snapshot of session `key` in `runtime`: the same object as last time when nothing about it changed. */
export function sessionSnapshot(runtime: SessionRuntime, key: string): SessionSnapshot {
  const index = runtime.index()
  const intent = runtime.intents.get(key)
  const detail = index.detail(key)
  const session = intent?.shown ?? index.freshest(key)
  const detailError = detail && !sessionOf(detail) ? detail.view.error : undefined
  const next: SessionSnapshot = {
    session,
    inAList: index.inAList(key),
    inDetail: detail !== undefined,
    pending: intent ? pendingAction(intent) : null,
    change: runtime.changes.get(key),
    loadError: session === undefined && isInterviewApiError(detailError) ? detailError : undefined,
    generation: runtime.generation,
  }
  let cache = snapshots.get(runtime)
  if (!cache) snapshots.set(runtime, (cache = new Map()))
  const last = cache.get(key)
  if (
    last &&
    last.session === next.session &&
    last.inAList === next.inAList &&
    last.inDetail === next.inDetail &&
    last.pending === next.pending &&
    last.change === next.change &&
    last.loadError === next.loadError &&
    last.generation === next.generation
  ) {
    return last
  }
  cache.set(key, next)
  return next
}
