// Session model
export type {
  InterviewDifficulty,
  InterviewLanguage,
  InterviewMessage,
  InterviewRetryPolicy,
  InterviewSession,
  InterviewStatus,
  SessionStatusValue,
  StatusAction,
  ParseResult,
} from './model'
export {
  INTERVIEW_STATUSES,
  canInteract,
  canPause,
  canResume,
  isInterviewStatus,
  isSessionId,
  parseSession,
  parseSessionList,
  sessionSchema,
  targetStatus,
} from './model'
