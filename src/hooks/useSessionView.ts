import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { sessionSource, type SessionSnapshot } from '../api/index.js'
import { sessionKey } from '../model/index.js'
import { useKitInternals } from './InterviewKitContext.js'

/** One session as the hooks show it, and a stable way to read it again. */
export interface SessionView extends SessionSnapshot {
  refetch: () => void
}

type Subscription = { refetch: () => unknown; unsubscribe: () => void }

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
  const own = useRef<Subscription | undefined>(undefined)
  useEffect(() => {
    if (ownKey === null) return undefined
    const subscription = dispatch(api.endpoints.getInterview.initiate(sessionId))
    own.current = subscription
    return () => {
      subscription.unsubscribe()
      if (own.current === subscription) own.current = undefined
    }
  }, [api, dispatch, sessionId, ownKey])

  const refetch = useCallback(() => {
    if (own.current) void own.current.refetch()
    else void dispatch(api.endpoints.getInterview.initiate(sessionId, { subscribe: false, forceRefetch: true }))
  }, [api, dispatch, sessionId])
  return { ...snapshot, refetch }
}
