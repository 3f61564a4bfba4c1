import { indexSessions, type InterviewApi } from '../api/index.js'
import type { InterviewSession } from '../model/index.js'

type ApiState = {
  queries: Parameters<typeof indexSessions>[0]
  mutations: Record<string, MutationEntry | undefined>
}

/** The part of an RTK Query mutation entry the hooks read. */
export interface MutationEntry {
  status: 'uninitialized' | 'pending' | 'fulfilled' | 'rejected'
  endpointName?: string
  error?: unknown
}

function apiState(api: InterviewApi<string>, state: unknown): ApiState | undefined {
  return (state as Record<string, ApiState | undefined>)[api.reducerPath]
}

/** The session as every component shows it: the freshest copy held by any cache entry of the api. */
export function selectSession(api: InterviewApi<string>, state: unknown, sessionId: string): InterviewSession | undefined {
  const queries = apiState(api, state)?.queries
  return queries ? indexSessions(queries).get(sessionId.toLowerCase()) : undefined
}

/** The key under which the hooks track one session's pause/resume requests (RTK's `fixedCacheKey`). */
export function intentKey(sessionId: string): string {
  return `interview-session:${sessionId.toLowerCase()}`
}

/** The latest pause/resume request the hooks made for a session. */
export function selectIntentEntry(api: InterviewApi<string>, state: unknown, sessionId: string): MutationEntry | undefined {
  return apiState(api, state)?.mutations[intentKey(sessionId)]
}
