import type { BaseQueryApi } from '@reduxjs/toolkit/query'
import { isSessionId, parseSession, targetStatus, type StatusAction } from '../model/index.js'
import type { InterviewBaseQuery } from './axiosBaseQuery.js'
import type { Dispatcher, MutationResult, SessionCache, StateReader } from './createSessionCache.js'
import { invalidArgument, invalidResponse, isInterviewApiError, type InterviewApiError } from './InterviewApiError.js'
import { LIST_TAG, sessionTag } from './interviewTags.js'
import { sameId } from './sessionOrder.js'

/**
 * The definition of `pauseInterview` or `resumeInterview`: one request per intent, serialized per session, shown
 * optimistically in every cache entry from the moment it starts, and revalidated after it settles.
 */
export function statusChangeEndpoint(action: StatusAction, cache: SessionCache) {
  const expected = targetStatus(action)
  return {
    async queryFn(
      sessionId: string,
      queryApi: BaseQueryApi,
      _extra: unknown,
      send: (request: Parameters<InterviewBaseQuery>[0]) => ReturnType<InterviewBaseQuery>,
    ): Promise<MutationResult> {
      if (!isSessionId(sessionId)) return { error: invalidArgument('sessionId must be a UUID') }
      const runtime = cache.runtimeOf(queryApi.dispatch)
      return runtime.enqueue(sessionId, action, async () => {
        const result = await send({ method: 'POST', path: ['interviews', sessionId, action], sessionId, data: {} })
        if (result.error) return { error: result.error }
        const parsed = parseSession(result.data)
        const issues = !parsed.ok
          ? parsed.issues
          : !sameId(parsed.value.id, sessionId)
            ? [`id: expected "${sessionId}", received "${parsed.value.id}"`]
            : parsed.value.status !== expected
              ? [`status: expected "${expected}", received "${parsed.value.status}"`]
              : []
        if (!parsed.ok || issues.length > 0) return { error: invalidResponse(result.meta?.status, issues) }
        runtime.confirm(parsed.value)
        cache.show(queryApi, sessionId)
        return { data: parsed.value }
      })
    },
    async onQueryStarted(
      sessionId: string,
      lifecycle: { dispatch: Dispatcher; getState: StateReader; queryFulfilled: Promise<unknown> },
    ): Promise<void> {
      if (!isSessionId(sessionId)) return
      const { queryFulfilled } = lifecycle
      const runtime = cache.runtimeOf(lifecycle.dispatch)
      runtime.open(sessionId, action, cache.cachedCopy(lifecycle, sessionId))
      cache.show(lifecycle, sessionId)
      try {
        await queryFulfilled
      } catch (rejection) {
        // The failure is the caller's to read; here it ends this request's part of the intent. Except after a 2xx
        // whose body is unusable: the server did make the change, so rather than rolling back blindly the intent
        // stays until a fresh read of the session says what the server holds.
        const error = (rejection as { error?: unknown }).error
        if (isInterviewApiError(error) && error.kind === 'invalidResponse' && (error.status ?? 0) < 300) {
          await lifecycle.dispatch(cache.util().readSession(sessionId) as never)
        }
      }
      if (runtime.close(sessionId)) {
        // Last request for this session settled: show the server's latest copy, which after a failure is the newest
        // answer seen (never a stale snapshot taken before the change).
        cache.show(lifecycle, sessionId)
        runtime.release(sessionId)
      }
    },
    invalidatesTags: (_result: unknown, error: InterviewApiError | undefined, sessionId: string) => {
      if (!error) return [LIST_TAG]
      // Nothing to revalidate when no request reached the server, or when the credentials are the problem.
      if (error.kind === 'unauthorized' || (error.kind === 'invalid' && error.status === undefined)) return []
      return [sessionTag(sessionId), LIST_TAG]
    },
  }
}
