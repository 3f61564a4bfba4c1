import { isInterviewApiError, networkError, type InterviewApi, type InterviewResult, type SessionRuntime } from '../api/index.js'
import type { InterviewSession, StatusAction } from '../model/index.js'
import { useKitInternals } from './InterviewKitContext.js'

/** Sends a pause or resume of one session; resolves to the result, never rejects. */
export type SendChange = (action: StatusAction) => Promise<InterviewResult<InterviewSession>>

const senders = new WeakMap<SessionRuntime, Map<string, SendChange>>()

/**
 * Sends a pause or resume of one session; resolves to the result, never rejects. Reads nothing, so renders nothing.
 * The same function for every component of the session in the store (made once, not per render).
 */
export function useChangeActions(sessionId: string): SendChange {
  const { api, runtime } = useKitInternals()
  let bySession = senders.get(runtime)
  if (!bySession) senders.set(runtime, (bySession = new Map()))
  let send = bySession.get(sessionId)
  if (!send) bySession.set(sessionId, (send = createSender(api, runtime, sessionId)))
  return send
}

function createSender(api: InterviewApi<string>, runtime: SessionRuntime, sessionId: string): SendChange {
  return async (action) => {
    const endpoint = action === 'pause' ? api.endpoints.pauseInterview : api.endpoints.resumeInterview
    const call = runtime.store.dispatch(endpoint.initiate(sessionId))
    const result = await call
    // The runtime keeps the call's outcome for every component; RTK's mutation entry is not needed afterwards.
    call.reset()
    if (result.data) return { data: result.data }
    return { error: isInterviewApiError(result.error) ? result.error : networkError('aborted') }
  }
}
