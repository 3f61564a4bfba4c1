export { createInterviewApi } from './createInterviewApi.js'
export type { CreateInterviewApiOptions, InterviewApi, InterviewEndpoints } from './createInterviewApi.js'
export type { ListInterviewsArg } from './createBaseApi.js'
export { createInterviewStore } from './createInterviewStore.js'
export { receiveSession } from './receiveSession.js'
export type { CreateInterviewStoreOptions, InterviewStore } from './createInterviewStore.js'
export { assertInterviewStore } from './assertInterviewStore.js'
export { isInterviewApiError, isRetryableError, networkError } from './InterviewApiError.js'
export type {
  ForbiddenError,
  InterviewApiError,
  InterviewApiErrorKind,
  InterviewResult,
  InvalidError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  ServerError,
  UnauthorizedError,
} from './InterviewApiError.js'
export type { AccessTokenGetter } from './hostCallbacks.js'
// For the kit's own hooks (not re-exported by the package).
export { storeProblem } from './assertInterviewStore.js'
export { kitOf, type KitHandle } from './kitRegistry.js'
export type { ChangeRecord, SessionRuntime, StoreAccess } from './status/createSessionRuntime.js'
export { sessionSource } from './status/sessionSource.js'
export type { SessionSnapshot, SessionSource } from './status/sessionSource.js'
