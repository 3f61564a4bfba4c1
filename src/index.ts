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
} from './model/index.js'
export {
  INTERVIEW_STATUSES,
  canInteract,
  canPause,
  canResume,
  isInterviewStatus,
  isSessionId,
  targetStatus,
} from './model/index.js'

// API slice
export {
  assertInterviewStore,
  createInterviewApi,
  createInterviewStore,
  isInterviewApiError,
  isRetryableError,
  receiveSession,
} from './api/index.js'
export type {
  AccessTokenGetter,
  CreateInterviewApiOptions,
  CreateInterviewStoreOptions,
  ForbiddenError,
  InterviewApi,
  InterviewApiError,
  InterviewApiErrorKind,
  InterviewEndpoints,
  InterviewResult,
  InterviewStore,
  InvalidError,
  InvalidResponseError,
  ListInterviewsArg,
  NetworkError,
  NotFoundError,
  ServerError,
  UnauthorizedError,
} from './api/index.js'

// Messages (Korean and Japanese: the `interview-session-kit/locales/ko` and `…/ja` entries)
export { en, formatMessage, resolveMessages } from './i18n/index.js'
export type { InterviewMessages } from './i18n/index.js'

// Hooks
export {
  useOnline,
  useInterviewControls,
  useInterviewKit,
  useInterviewSession,
  useInterviewSessions,
} from './hooks/index.js'
export type {
  ControlResult,
  InterviewChange,
  InterviewControls as InterviewControlsState,
  InterviewKitContextValue,
  InterviewSessionState,
  InterviewSessionsState,
  UseInterviewSessionsOptions,
} from './hooks/index.js'

// Components
export {
  InterviewFeedback,
  InterviewKitProvider,
  InteractionGate,
  InterviewControls,
  PauseButton,
  ResumeButton,
  RetryButton,
  SessionError,
  SessionNotice,
  SessionStatus,
  describeError,
} from './components/index.js'
export type {
  InterviewFeedbackProps,
  InterviewKitProviderProps,
  InteractionGateProps,
  InterviewControlsProps,
  PauseButtonProps,
  ResumeButtonProps,
  RetryButtonProps,
  SessionErrorProps,
  SessionNoticeProps,
  SessionStatusProps,
  StatusButtonProps,
} from './components/index.js'
