export type {
  InterviewDifficulty,
  InterviewLanguage,
  InterviewMessage,
  InterviewRetryPolicy,
  InterviewSession,
  InterviewStatus,
  SessionStatusValue,
} from './InterviewSession'
export { INTERVIEW_STATUSES, canInteract, canPause, canResume, isInterviewStatus, targetStatus } from './statusRules'
export type { StatusAction } from './statusRules'
export { isSessionId } from './isSessionId'
export { parseSession, parseSessionList, sessionListSchema, sessionSchema } from './sessionSchema'
export type { ParseResult } from './sessionSchema'
