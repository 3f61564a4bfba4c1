import type { InterviewSession } from '../model/index.js'
import type { InterviewApi } from './createInterviewApi.js'
import { invalidResponse, type InterviewResult } from './InterviewApiError.js'
import { kitOf } from './kitRegistry.js'
import type { StoreAccess } from './status/createSessionRuntime.js'

/**
 * A thunk that takes a session the server pushed (a WebSocket or server-sent events message: a change made on
 * another device, or by the server itself) into every cache entry that holds it or should hold it, with the same
 * ordering rules as every read: a copy older than one held is not taken, and a read that started before the push
 * and answers after it cannot undo it. A change in flight stays shown until its own request ends. Resolves to the
 * copy the caches now go by, or an `invalidResponse` error for a value that is not a session (nothing changes then).
 *
 * @example
 * ```ts
 * const events = new EventSource('/api/interviews/events')
 * events.addEventListener('session', (event) => {
 *   store.dispatch(receiveSession(interviewApi, JSON.parse(event.data)))
 * })
 * ```
 */
export function receiveSession<ReducerPath extends string>(
  api: InterviewApi<ReducerPath>,
  session: unknown,
): (dispatch: StoreAccess['dispatch'], getState: () => unknown) => InterviewResult<InterviewSession> {
  return (dispatch, getState) => {
    const kept = kitOf(api)?.receive({ dispatch, getState }, session)
    return kept ? { data: kept } : { error: invalidResponse(undefined, ['not a session this store can take']) }
  }
}
