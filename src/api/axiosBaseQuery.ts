import type { BaseQueryApi, BaseQueryFn } from '@reduxjs/toolkit/query'
import axios, { type AxiosInstance } from 'axios'
import { isSessionId } from '../model/index.js'
import type { UnauthorizedNotifier } from './createUnauthorizedNotifier.js'
import { errorFromResponse, invalidArgument, type InterviewApiError } from './InterviewApiError.js'

/** A request of the interview api, relative to its `baseUrl`. */
export interface InterviewRequest {
  method: 'GET' | 'POST'
  /** Path segments, each encoded into the URL path: `['interviews', id, 'pause']`. */
  path: readonly string[]
  params?: Record<string, string>
  data?: unknown
  /** Checked before sending: a request for an id that is not a UUID is never sent. */
  sessionId?: string
}

/** What the base query reports besides data or error. */
export interface InterviewRequestMeta {
  status?: number
}

/** A value or a promise of it. */
export type MaybePromise<T> = T | PromiseLike<T>

/** Where the base query gets its access token. Called for every request, so a refreshed token is picked up. */
export type AccessTokenGetter = (api: BaseQueryApi) => MaybePromise<string | null | undefined>

export interface AxiosBaseQueryOptions {
  baseUrl: string
  axiosInstance: AxiosInstance
  getAccessToken: AccessTokenGetter
  unauthorized: UnauthorizedNotifier
}

/** The base query of the interview api: never throws, every failure is an {@link InterviewApiError} value. */
export type InterviewBaseQuery = BaseQueryFn<InterviewRequest, unknown, InterviewApiError, object, InterviewRequestMeta>

async function readToken(getAccessToken: AccessTokenGetter, api: BaseQueryApi): Promise<string | undefined> {
  try {
    const token = await getAccessToken(api)
    return typeof token === 'string' && token.trim() !== '' ? token : undefined
  } catch {
    // A getter that fails counts as "no token": the user has to sign in again.
    return undefined
  }
}

/**
 * An RTK Query base query over axios. It adds `Authorization: Bearer <token>` to each of its own requests (never to
 * the instance's defaults, so the token goes nowhere else), checks ids before sending, passes the request's
 * AbortSignal to axios, and turns every outcome into `{ data }` or `{ error: InterviewApiError }`.
 */
export function axiosBaseQuery(options: AxiosBaseQueryOptions): InterviewBaseQuery {
  const { baseUrl, axiosInstance, getAccessToken, unauthorized } = options
  return async (request, api) => {
    if (request.sessionId !== undefined && !isSessionId(request.sessionId)) {
      return { error: invalidArgument('sessionId must be a UUID') }
    }
    const seq = unauthorized.begin()
    const fail = (error: InterviewApiError) => {
      if (error.kind === 'unauthorized') unauthorized.report(seq, error)
      return { error, meta: error.status === undefined ? {} : { status: error.status } }
    }
    const token = await readToken(getAccessToken, api)
    if (!token) return fail({ kind: 'unauthorized', error: 'No access token' })
    try {
      const response = await axiosInstance.request({
        baseURL: baseUrl,
        url: request.path.map(encodeURIComponent).join('/'),
        method: request.method,
        params: request.params,
        data: request.data,
        headers: { Authorization: `Bearer ${token}` },
        signal: api.signal,
        responseType: 'json',
      })
      return { data: response.data as unknown, meta: { status: response.status } }
    } catch (cause) {
      if (axios.isAxiosError(cause) && cause.response) {
        return fail(errorFromResponse(cause.response.status, cause.response.data))
      }
      const aborted = axios.isCancel(cause) || api.signal.aborted
      return fail(aborted ? { kind: 'network', error: 'Request aborted', aborted } : { kind: 'network', error: 'Network error' })
    }
  }
}
