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

// API slice
export { assertInterviewStore, createInterviewApi, createInterviewStore, isInterviewApiError, isRetryableError } from './api'
export type {
  AccessTokenGetter,
  CreateInterviewApiOptions,
  CreateInterviewStoreOptions,
  ForbiddenError,
  InterviewApi,
  InterviewApiError,
  InterviewApiErrorKind,
  InterviewRequest,
  InterviewRequestMeta,
  InterviewStore,
  InvalidError,
  InvalidResponseError,
  ListInterviewsArg,
  MaybePromise,
  NetworkError,
  NotFoundError,
  ServerError,
  StoreLike,
  UnauthorizedError,
} from './api'
