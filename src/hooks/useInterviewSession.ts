import type { InterviewApiError } from '../api/index.js'
import type { InterviewSession, SessionStatusValue } from '../model/index.js'
import { useSessionView } from './useSessionView.js'

/** What {@link useInterviewSession} returns. */
export interface InterviewSessionState {
  /** The session, once known; its `status` already shows a pause or resume in flight. */
  session: InterviewSession | undefined
  /** The displayed status: the pending intent when a change is in flight, else the server's. */
  status: SessionStatusValue | undefined
  /** True until the session is first known, or its loading failed. */
  isLoading: boolean
  /** Why the session could not be loaded (an invalid id fails at once, without a request). */
  error: InterviewApiError | undefined
  /** Loads the session again from the server. Stable across renders. */
  refetch: () => void
}

/**
 * One session, as every component shows it. A session already held by another cache entry (a list) is read from
 * there without a request of its own, so a list of a thousand rows does not fetch a thousand details.
 *
 * @example
 * ```tsx
 * const { session, status, isLoading, error } = useInterviewSession(sessionId)
 * if (isLoading) return <Spinner />
 * return <h1>{session?.title} ({status})</h1>
 * ```
 */
export function useInterviewSession(sessionId: string): InterviewSessionState {
  const { session, loadError, refetch } = useSessionView(sessionId)
  return {
    session,
    status: session?.status,
    isLoading: session === undefined && loadError === undefined,
    error: loadError,
    refetch,
  }
}
