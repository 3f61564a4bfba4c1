import { useCallback } from 'react'
import { useDispatch } from 'react-redux'
import { isInterviewApiError, networkError, type InterviewResult, type StoreAccess } from '../api/index.js'
import type { InterviewSession, StatusAction } from '../model/index.js'
import { useKitInternals } from './InterviewKitContext.js'

/** Sends a pause or resume of one session; resolves to the result, never rejects. Reads nothing, so renders nothing. */
export function useChangeActions(sessionId: string): (action: StatusAction) => Promise<InterviewResult<InterviewSession>> {
  const { api } = useKitInternals()
  const dispatch = useDispatch<StoreAccess['dispatch']>()
  return useCallback(
    async (action) => {
      const endpoint = action === 'pause' ? api.endpoints.pauseInterview : api.endpoints.resumeInterview
      const call = dispatch(endpoint.initiate(sessionId))
      const result = await call
      // The runtime keeps the call's outcome for every component; RTK's mutation entry is not needed afterwards.
      call.reset()
      if (result.data) return { data: result.data }
      return { error: isInterviewApiError(result.error) ? result.error : networkError('aborted') }
    },
    [api, dispatch, sessionId],
  )
}
