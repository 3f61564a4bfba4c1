import { isRetryableError, type ChangeRecord, type InterviewApiError } from '../api/index.js'
import { canPause, canResume, type SessionStatusValue, type StatusAction } from '../model/index.js'

/** Whether the session's status still allows `action`: a pause only while active, a resume only while paused. */
function allows(action: StatusAction, status: SessionStatusValue | undefined): boolean {
  return action === 'pause' ? canPause(status) : canResume(status)
}

/**
 * The change a retry sends again: the latest one, if it failed and the session's current status still allows it. A
 * change whose outcome was unknown (a timeout, a 5xx) may have been made after all: once the session reads as paused,
 * sending the pause again would only be refused.
 */
export function resendableAction(change: ChangeRecord | undefined, status: SessionStatusValue | undefined): StatusAction | null {
  if (change?.status !== 'failed') return null
  return allows(change.action, status) ? change.action : null
}

/**
 * Whether Retry is offered for the `error` a session shows: sending again can help (no answer, a timeout, a 5xx), no
 * change is in flight, and the failed change (`null` for a session that could not be loaded, which a retry reads
 * again) is still allowed by the session's current status.
 */
export function retryOffered(
  error: InterviewApiError | undefined,
  failedAction: StatusAction | null,
  status: SessionStatusValue | undefined,
  pending: boolean,
): boolean {
  if (!error || pending || !isRetryableError(error)) return false
  return failedAction === null || allows(failedAction, status)
}
