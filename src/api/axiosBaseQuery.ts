import type { BaseQueryApi, BaseQueryFn } from '@reduxjs/toolkit/query'
import axios, { type AxiosInstance, type AxiosRequestConfig } from 'axios'
import type { HostCallbacks } from './hostCallbacks.js'
import { errorFromResponse, networkError, type InterviewApiError } from './InterviewApiError.js'
import { requestUrl } from './requestUrl.js'
import { ABORTED, startDeadline } from './signals.js'

/** A request of the interview api (internal: the endpoints build them). */
export interface InterviewRequest {
  method: 'GET' | 'POST'
  /** Path segments below the base URL, each encoded: `['interviews', id, 'pause']`. */
  path: readonly string[]
  params?: Record<string, string>
  /** Ends this request instead of the RTK request's own signal (a pause shared by several callers). */
  signal?: AbortSignal
  /** Called once the request is about to go on the wire (the token is known): from then on its outcome is unknown. */
  onSend?: () => void
}

/** What the base query reports besides data or error. */
export interface InterviewRequestMeta {
  status?: number
}

export interface AxiosBaseQueryOptions {
  /** Normalized by `normalizeBaseUrl`. */
  baseUrl: string
  axiosInstance: AxiosInstance
  timeoutMs: number
  callbacksOf: (api: BaseQueryApi) => HostCallbacks
}

/** The base query of the interview api: never throws, every failure is an {@link InterviewApiError} value. */
export type InterviewBaseQuery = BaseQueryFn<InterviewRequest, unknown, InterviewApiError, object, InterviewRequestMeta>

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  if (data.trim() === '') return undefined
  try {
    return JSON.parse(data) as unknown
  } catch {
    return data
  }
}

/**
 * An RTK Query base query over the host's axios instance (or a fresh one). What the kit depends on is set per
 * request, so the instance's defaults and interceptors cannot change it:
 * - the URL is built here from the normalized base (the instance's `baseURL` is not used);
 * - `Authorization: Bearer <token>` is added to this request only, never to the instance's defaults;
 * - `validateStatus` is the standard 2xx, so the host's error interceptors (a token refresh) still see 401s;
 * - the answer is read by the kit's own `transformResponse`, which runs before any response interceptor: an
 *   interceptor that unwraps `response.data` or reshapes errors changes what the host sees, not what the kit sees.
 * Every outcome is `{ data }` or `{ error: InterviewApiError }`; host callbacks that throw, reject or never settle
 * end as error values too (the request's deadline covers the wait for the token).
 */
export function axiosBaseQuery(options: AxiosBaseQueryOptions): InterviewBaseQuery {
  const { baseUrl, axiosInstance, timeoutMs, callbacksOf } = options
  return async (request, api) => {
    let callbacks: HostCallbacks
    let seq: number
    try {
      callbacks = callbacksOf(api)
      seq = callbacks.beginRequest()
    } catch {
      return { error: networkError('unreachable'), meta: {} }
    }
    const fail = (error: InterviewApiError) => {
      if (error.kind === 'unauthorized') callbacks.reportUnauthorized(seq, error)
      return { error, meta: error.status === undefined ? {} : { status: error.status } }
    }
    if (isOffline()) return fail(networkError('offline'))
    const deadline = startDeadline(request.signal ?? api.signal, timeoutMs)
    const ended = () => networkError(deadline.timedOut() ? 'timeout' : 'aborted')
    try {
      const token = await callbacks.readToken(api, deadline.signal)
      if (token === ABORTED) return fail(ended())
      if (token === undefined) return fail({ kind: 'unauthorized', error: 'No access token' })
      request.onSend?.()
      // The last answer axios received for this request (a host interceptor may send it again, e.g. after a refresh).
      let answer: { status: number; data: unknown } | undefined
      const config: AxiosRequestConfig = {
        url: requestUrl(baseUrl, request.path),
        baseURL: '',
        allowAbsoluteUrls: true,
        method: request.method,
        params: request.params,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${token}`,
          ...(request.method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
        },
        data: request.method === 'POST' ? '{}' : undefined,
        signal: deadline.signal,
        responseType: 'json',
        validateStatus: (status) => status >= 200 && status < 300,
        transformRequest: [
          (data: unknown) => {
            answer = undefined
            return data
          },
        ],
        transformResponse: [
          (data: unknown, _headers: unknown, status?: number) => {
            const body = parseBody(data)
            if (status !== undefined) answer = { status, data: body }
            return body
          },
        ],
      }
      let cause: unknown
      try {
        await axiosInstance.request(config)
      } catch (error) {
        cause = error
      }
      if (answer) {
        if (answer.status >= 200 && answer.status < 300) return { data: answer.data, meta: { status: answer.status } }
        return fail(errorFromResponse(answer.status, answer.data))
      }
      if (deadline.signal.aborted) return fail(ended())
      // The instance's own `timeout` (axios reports ECONNABORTED or ETIMEDOUT).
      if (axios.isAxiosError(cause) && (cause.code === 'ECONNABORTED' || cause.code === 'ETIMEDOUT')) {
        return fail(networkError('timeout'))
      }
      return fail(networkError(isOffline() ? 'offline' : 'unreachable'))
    } catch {
      // Nothing above throws by design; if something does, the request still ends with a value, never a throw
      // (RTK's retry() would send a throwing request again, mutations included).
      return fail(networkError('unreachable'))
    } finally {
      deadline.clear()
    }
  }
}
