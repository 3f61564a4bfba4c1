import { skipToken } from '@reduxjs/toolkit/query'
import { useMemo, useState } from 'react'
import { shallowEqual, useSelector, useStore } from 'react-redux'
import type { InterviewApiError } from '../api/index.js'
import type { InterviewSession } from '../model/index.js'
import { useInterviewKit } from './InterviewKitContext.js'
import { selectIntentEntry, selectSession, type MutationEntry } from './selectSession.js'

/** Everything the hooks read for one session, in one store subscription. */
export interface SessionView {
  session: InterviewSession | undefined
  /** Why the detail could not be loaded; only while no cache entry holds the session. */
  loadError: InterviewApiError | undefined
  entryStatus: MutationEntry['status'] | undefined
  entryEndpoint: string | undefined
  entryError: unknown
  refetch: () => void
}

/**
 * One session as the hooks show it: the freshest copy in any cache entry, the detail request's state when the
 * session is fetched on its own, and (with `withIntent`) the latest pause/resume request the hooks made for it.
 * A single `useSelector` compared shallowly: a row of a long list costs one cheap selector per store change.
 */
export function useSessionView(sessionId: string, withIntent: boolean): SessionView {
  const { api } = useInterviewKit()
  const store = useStore()
  // Fetch the detail when the session is not held elsewhere (a list row reads its list's copy); once fetching,
  // keep the subscription, since dropping it when the detail itself makes the session known would let the entry
  // expire and start over.
  const [fetchOwn, setFetchOwn] = useState(() => selectSession(api, store.getState(), sessionId) === undefined)
  const arg = fetchOwn ? sessionId : skipToken
  const selectDetail = useMemo(() => api.endpoints.getInterview.select(arg), [api, arg])
  const { refetch } = api.endpoints.getInterview.useQuerySubscription(arg)
  const view = useSelector((state: unknown) => {
    const session = selectSession(api, state, sessionId)
    const detail = session === undefined ? selectDetail(state as never) : undefined
    const entry = withIntent ? selectIntentEntry(api, state, sessionId) : undefined
    return {
      session,
      loadError: detail?.error as InterviewApiError | undefined,
      entryStatus: entry?.status,
      entryEndpoint: entry?.endpointName,
      entryError: entry?.error,
    }
  }, shallowEqual)
  if (view.session === undefined && !fetchOwn) setFetchOwn(true)
  return {
    ...view,
    refetch: () => {
      if (fetchOwn) void refetch()
      else setFetchOwn(true)
    },
  }
}
