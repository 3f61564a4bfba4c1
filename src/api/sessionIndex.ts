import type { InterviewSession } from '../model/index.js'
import { newer } from './sessionOrder.js'

/** The part of an RTK Query cache entry the index reads. */
interface CacheEntry {
  endpointName?: string
  data?: unknown
}

/** Every session held by any cache entry of the api, freshest copy per id (lower-cased). */
export type SessionIndex = ReadonlyMap<string, InterviewSession>

const indexes = new WeakMap<object, SessionIndex>()

/**
 * Indexes the sessions in an api's `queries` state: `getInterview` entries first, then every `listInterviews`
 * variant, keeping the most recently updated copy of each. Memoized on the `queries` object, so a thousand readers
 * share one pass per state change.
 */
export function indexSessions(queries: Readonly<Record<string, CacheEntry | undefined>>): SessionIndex {
  const cached = indexes.get(queries)
  if (cached) return cached
  const index = new Map<string, InterviewSession>()
  const add = (session: InterviewSession) => {
    const key = session.id.toLowerCase()
    index.set(key, newer(index.get(key), session))
  }
  const lists: InterviewSession[][] = []
  for (const entry of Object.values(queries)) {
    if (!entry || entry.data === undefined) continue
    if (entry.endpointName === 'getInterview') add(entry.data as InterviewSession)
    else if (entry.endpointName === 'listInterviews') lists.push(entry.data as InterviewSession[])
  }
  for (const list of lists) for (const session of list) add(session)
  indexes.set(queries, index)
  return index
}
