export { createInterviewApi } from './createInterviewApi.js'
export type { CreateInterviewApiOptions, InterviewApi, ListInterviewsArg } from './createInterviewApi.js'
export { createInterviewStore } from './createInterviewStore.js'
export type { CreateInterviewStoreOptions, InterviewStore } from './createInterviewStore.js'
export { assertInterviewStore } from './assertInterviewStore.js'
export type { StoreLike } from './assertInterviewStore.js'
export { isInterviewApiError, isRetryableError } from './InterviewApiError.js'
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
} from './InterviewApiError.js'
export type { AccessTokenGetter, InterviewRequest, InterviewRequestMeta, MaybePromise } from './axiosBaseQuery.js'
export { indexSessions } from './sessionIndex.js'
export type { SessionIndex } from './sessionIndex.js'
