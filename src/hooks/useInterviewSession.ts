import { skipToken } from '@reduxjs/toolkit/query'
import { useState } from 'react'
import { useSelector } from 'react-redux'
import type { InterviewApiError } from '../api'
import type { InterviewSession, SessionStatusValue } from '../model'
import { useInterviewKit } from './InterviewKitContext'
import { selectSession } from './selectSession'

/** What {@link useInterviewSession} returns. */
export interface InterviewSessionState {
  /** The session, once known; its `status` already shows a pause or resume in flight. */
  session: InterviewSession | undefined
  /** The displayed status: the pending intent when a change is in flight, else the server's. */
  status: SessionStatusValue | undefined
  /** True until the session is first known. */
  isLoading: boolean
  /** Why the session could not be loaded (an invalid id fails at once, without a request). */
  error: InterviewApiError | undefined
  /** Loads the session again from the server. */
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
  const { api } = useInterviewKit()
  const session = useSelector((state: unknown) => selectSession(api, state, sessionId))
  // Fetch the detail when the session is not held elsewhere; once fetching, keep the subscription (dropping it when
  // the detail itself makes the session known would let the entry expire and start over).
  const [fetchOwn, setFetchOwn] = useState(() => session === undefined)
  if (session === undefined && !fetchOwn) setFetchOwn(true)
  const arg = fetchOwn ? sessionId : skipToken
  const { refetch } = api.endpoints.getInterview.useQuerySubscription(arg)
  const query = api.endpoints.getInterview.useQueryState(arg, {
    selectFromResult: (result) => ({
      isLoading: result.isLoading || result.isUninitialized,
      error: result.error as InterviewApiError | undefined,
    }),
  })
  const error = session === undefined ? query.error : undefined
  return {
    session,
    status: session?.status,
    isLoading: session === undefined && error === undefined && (!fetchOwn || query.isLoading),
    error,
    refetch: () => {
      if (fetchOwn) void refetch()
      else setFetchOwn(true)
    },
  }
}
