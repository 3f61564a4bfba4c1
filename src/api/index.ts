export { createInterviewApi } from './createInterviewApi'
export type { CreateInterviewApiOptions, InterviewApi, ListInterviewsArg } from './createInterviewApi'
export { createInterviewStore } from './createInterviewStore'
export type { CreateInterviewStoreOptions, InterviewStore } from './createInterviewStore'
export { assertInterviewStore } from './assertInterviewStore'
export type { StoreLike } from './assertInterviewStore'
export { isInterviewApiError, isRetryableError } from './InterviewApiError'
export type {
  ForbiddenError,
  InterviewApiError,
  InterviewApiErrorKind,
  InvalidError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  ServerError,
  UnauthorizedError,
} from './InterviewApiError'
export type { AccessTokenGetter, InterviewRequest, InterviewRequestMeta, MaybePromise } from './axiosBaseQuery'
export { indexSessions } from './sessionIndex'
export type { SessionIndex } from './sessionIndex'
