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
export { parseSession, parseSessionList, sessionListSchema, sessionSchema } from './sessionSchema.js'
export type { ParseResult } from './sessionSchema.js'
