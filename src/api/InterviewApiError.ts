interface ErrorBase {
  /** HTTP status of the response, when there was one. */
  status?: number
  /** The server's `error` string, when its body had one. */
  error?: string
  /** The server's `details` string (400 answers), when its body had one. */
  details?: string
}

/** No access token, or the server answered 401: the user must sign in again. */
export interface UnauthorizedError extends ErrorBase {
  kind: 'unauthorized'
}
/** 403: the session belongs to another user. */
export interface ForbiddenError extends ErrorBase {
  kind: 'forbidden'
}
/** 404: the session does not exist, or (for pause/resume) is no longer in a status that allows the change. */
export interface NotFoundError extends ErrorBase {
  kind: 'notFound'
}
/**
 * The request was malformed: a 400 (or another 4xx without a kind of its own) from the server, or a bad argument
 * caught before any request was sent (then `status` is absent, `reason` says which argument, `details` what is wrong).
 */
export interface InvalidError extends ErrorBase {
  kind: 'invalid'
  /** Set when the argument was refused before sending: a session id that is not a UUID, or an unknown list status. */
  reason?: 'invalidSessionId' | 'invalidStatusFilter'
}
/** 5xx: the server failed. Safe to retry. */
export interface ServerError extends ErrorBase {
  kind: 'server'
}
/**
 * No response: why, in `reason`.
 * - `unreachable`: the request failed without an answer (DNS, CORS, connection reset, server down).
 * - `timeout`: no answer within the api's `timeoutMs` (or the host axios instance's own `timeout`).
 * - `offline`: the browser reported it was offline; nothing was sent.
 * - `aborted`: the caller aborted the request, or the store was reset (`resetApiState`, e.g. on logout).
 *
 * The outcome of a change that was sent and got no answer is unknown: the api revalidates the session and its lists.
 */
export interface NetworkError extends ErrorBase {
  kind: 'network'
  reason: 'unreachable' | 'timeout' | 'offline' | 'aborted'
}
/** The server answered, but its body is not what the contract says. `issues` lists what is wrong, one line each. */
export interface InvalidResponseError extends ErrorBase {
  kind: 'invalidResponse'
  issues: string[]
}

/**
 * Every way a request of the interview api can fail, discriminated on `kind`. Plain serializable objects: they are
 * stored in Redux as they are, and never hold the access token.
 *
 * @example
 * ```ts
 * function describe(error: InterviewApiError): string {
 *   switch (error.kind) {
 *     case 'unauthorized': return 'Sign in again'
 *     // …every other kind…
 *     default: return error satisfies never
 *   }
 * }
 * ```
 */
export type InterviewApiError =
  | UnauthorizedError
  | ForbiddenError
  | NotFoundError
  | InvalidError
  | ServerError
  | NetworkError
  | InvalidResponseError

/** What a request of the interview api resolves to: its data, or an {@link InterviewApiError}; never a rejection. */
export type InterviewResult<T> = { data: T; error?: undefined } | { error: InterviewApiError; data?: undefined }

/** Every `kind` of {@link InterviewApiError}. */
export type InterviewApiErrorKind = InterviewApiError['kind']

const KINDS: ReadonlySet<string> = new Set<InterviewApiErrorKind>([
  'unauthorized',
  'forbidden',
  'notFound',
  'invalid',
  'server',
  'network',
  'invalidResponse',
])

/** Whether `value` is an {@link InterviewApiError}. */
export function isInterviewApiError(value: unknown): value is InterviewApiError {
  return typeof value === 'object' && value !== null && KINDS.has((value as { kind?: unknown }).kind as string)
}

/**
 * Whether a failed request is worth sending again as it is: no response (unreachable, timed out, offline) or a 5xx.
 * Refusals (400, 401, 403, 404), an unusable answer and an abort are not.
 */
export function isRetryableError(error: InterviewApiError): boolean {
  return (error.kind === 'network' && error.reason !== 'aborted') || error.kind === 'server'
}

function bodyStrings(body: unknown): Pick<ErrorBase, 'error' | 'details'> {
  if (typeof body !== 'object' || body === null) return {}
  const { error, details } = body as { error?: unknown; details?: unknown }
  return {
    ...(typeof error === 'string' ? { error } : {}),
    ...(typeof details === 'string' ? { details } : {}),
  }
}

/** Maps a non-2xx HTTP answer to its {@link InterviewApiError}. */
export function errorFromResponse(status: number, body: unknown): InterviewApiError {
  const strings = bodyStrings(body)
  if (status === 401) return { kind: 'unauthorized', status, ...strings }
  if (status === 403) return { kind: 'forbidden', status, ...strings }
  if (status === 404) return { kind: 'notFound', status, ...strings }
  if (status >= 500) return { kind: 'server', status, ...strings }
  return { kind: 'invalid', status, ...strings }
}

/** A session id that is not a UUID, refused before anything was sent. */
export function invalidSessionId(): InvalidError {
  return { kind: 'invalid', reason: 'invalidSessionId', error: 'Invalid request', details: 'sessionId must be a UUID' }
}

/** A list status filter the API does not know, refused before anything was sent. */
export function invalidStatusFilter(): InvalidError {
  return {
    kind: 'invalid',
    reason: 'invalidStatusFilter',
    error: 'Invalid request',
    details: 'status must be one of active, paused, completed',
  }
}

const NETWORK_MESSAGES: Record<NetworkError['reason'], string> = {
  unreachable: 'Network error',
  timeout: 'Request timed out',
  offline: 'Offline',
  aborted: 'Request aborted',
}

/** A request that got no response, for `reason`. */
export function networkError(reason: NetworkError['reason']): NetworkError {
  return { kind: 'network', reason, error: NETWORK_MESSAGES[reason] }
}

/** A 2xx answer whose body failed the session schema. */
export function invalidResponse(status: number | undefined, issues: string[]): InvalidResponseError {
  return {
    kind: 'invalidResponse',
    ...(status === undefined ? {} : { status }),
    error: 'Invalid response',
    details: issues.slice(0, 5).join('; '),
    issues,
  }
}
