import { useEffect, useSyncExternalStore } from 'react'
import { sessionSource, type InterviewApi, type InterviewApiError, type SessionRuntime, type SessionSnapshot } from '../api/index.js'
import { sessionKey } from '../model/index.js'
import { useKitInternals } from './InterviewKitContext.js'

/** One session as the hooks show it, and a stable way to read it again. */
export interface SessionView extends SessionSnapshot {
  refetch: () => void
}

/** The error a session shows: its latest change's failure, else why it could not be loaded. */
export function shownError(view: SessionSnapshot): InterviewApiError | undefined {
  return (view.change?.status === 'failed' ? view.change.error : undefined) ?? view.loadError
}

const refetchers = new WeakMap<SessionRuntime, Map<string, () => void>>()

/**
 * Reads session `sessionId` again into its detail entry, whoever holds a subscription to it: made once per session
 * and store, so every hook gives the same function.
 */
function refetcherOf(api: InterviewApi<string>, runtime: SessionRuntime, sessionId: string): () => void {
  let bySession = refetchers.get(runtime)
  if (!bySession) refetchers.set(runtime, (bySession = new Map()))
  let refetch = bySession.get(sessionId)
  if (!refetch) {
    refetch = () => void runtime.store.dispatch(api.endpoints.getInterview.initiate(sessionId, { subscribe: false, forceRefetch: true }))
    bySession.set(sessionId, refetch)
  }
  return refetch
}

/**
 * One session as the hooks show it, through the kit's one store subscription: a hook wakes only when its own session
 * changes. A session a list holds is read from there with no request of its own; otherwise (and never while a change
 * is in flight, which the runtime shows) the hook keeps a subscription to the session's detail entry.
 */
export function useSessionView(sessionId: string): SessionView {
  const { api, runtime } = useKitInternals()
  // The provider's store (react-redux's `useDispatch`, read once by the provider rather than by every hook).
  const { dispatch } = runtime.store
  const key = sessionKey(sessionId)
  const { subscribe, read } = sessionSource(runtime, key)
  const snapshot = useSyncExternalStore(subscribe, read, read)

  // Its own subscription when no list holds the session. While a change is in flight the runtime shows it: an entry
  // already cached stays subscribed (so it is kept and revalidated), none is started. Keyed by the reset count too:
  // a reset drops every subscription, so the hook subscribes again.
  const ownKey = !snapshot.inAList && (snapshot.pending === null || snapshot.inDetail) ? snapshot.generation : null
  useEffect(() => {
    if (ownKey === null) return undefined
    const subscription = dispatch(api.endpoints.getInterview.initiate(sessionId))
    return () => subscription.unsubscribe()
  }, [api, dispatch, sessionId, ownKey])

  return { ...snapshot, refetch: refetcherOf(api, runtime, sessionId) }
}
