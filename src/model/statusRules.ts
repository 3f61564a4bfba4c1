import type { InterviewStatus, SessionStatusValue } from './InterviewSession.js'

/** Every status the library knows, in lifecycle order. */
export const INTERVIEW_STATUSES: readonly InterviewStatus[] = ['active', 'paused', 'completed']

/** Whether `value` is one of the known {@link InterviewStatus} values. */
export function isInterviewStatus(value: unknown): value is InterviewStatus {
  return value === 'active' || value === 'paused' || value === 'completed'
}

/** Only an active session can be paused. */
export function canPause(status: SessionStatusValue | undefined): boolean {
  return status === 'active'
}

/** Only a paused session can be resumed. */
export function canResume(status: SessionStatusValue | undefined): boolean {
  return status === 'paused'
}

/** Answers and other interaction are allowed only while the session is active. */
export function canInteract(status: SessionStatusValue | undefined): boolean {
  return status === 'active'
}

/** The two status changes a client can ask for. */
export type StatusAction = 'pause' | 'resume'

/** The status a successful `action` leads to. */
export function targetStatus(action: StatusAction): InterviewStatus {
  return action === 'pause' ? 'paused' : 'active'
}
