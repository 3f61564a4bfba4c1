export type {
  InterviewDifficulty,
  InterviewLanguage,
  InterviewMessage,
  InterviewRetryPolicy,
  InterviewSession,
  InterviewStatus,
  SessionStatusValue,
} from './InterviewSession.js'
export { INTERVIEW_STATUSES, canInteract, canPause, canResume, isInterviewStatus, targetStatus } from './statusRules.js'
export type { StatusAction } from './statusRules.js'
export { isSessionId } from './isSessionId.js'
export { sessionKey } from './sessionKey.js'
export { compareListOrder, compareTimes } from './sessionOrder.js'
export { checkSession, checkSessionList } from './checkSession.js'
export type { SessionCheck } from './checkSession.js'
