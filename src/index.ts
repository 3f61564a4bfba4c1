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

// Messages
export { en, formatMessage, interviewMessages, ja, ko, resolveMessages } from './i18n'
export type { InterviewLocale, InterviewMessages } from './i18n'

// Hooks
export {
  InterviewKitProvider,
  useInterviewControls,
  useInterviewKit,
  useInterviewSession,
  useInterviewSessions,
} from './hooks'
export type {
  ControlResult,
  InterviewControls as InterviewControlsState,
  InterviewKitContextValue,
  InterviewKitProviderProps,
  InterviewSessionState,
  InterviewSessionsState,
  UseInterviewSessionsOptions,
} from './hooks'

// Components
export {
  InteractionGate,
  InterviewControls,
  PauseButton,
  ResumeButton,
  RetryButton,
  SessionError,
  SessionNotice,
  SessionStatus,
  describeError,
} from './components'
export type {
  InteractionGateProps,
  InterviewControlsProps,
  PauseButtonProps,
  ResumeButtonProps,
  RetryButtonProps,
  SessionErrorProps,
  SessionNoticeProps,
  SessionStatusProps,
  StatusButtonProps,
} from './components'
