import { sessionKey, type InterviewSession } from '../../model/index.js'
import type { BaseInterviewApi, ListInterviewsArg } from '../createBaseApi.js'
import type { SessionRuntime } from './createSessionRuntime.js'
import { placeInList } from './placeInList.js'
import { listOf, sessionOf, type IndexedEntry } from './sessionIndex.js'

/** The `listInterviews` argument an entry was cached under. */
function listArg(arg: unknown): ListInterviewsArg | undefined {
  const status = (arg as ListInterviewsArg | undefined)?.status
  return status === undefined ? undefined : { status }
}

/** Writes sessions into the api's cache entries, through RTK's own utilities. */
export interface SessionWriter {
  /**
   * Shows `shown` in every entry that holds the session, or should: its detail, each cached list it belongs to (by
   * the list's filter and order), never creating a list. `except` (a cache key) is left alone: the entry a read is
   * about to fill. A session a hook watches that no entry would hold any more is kept in its detail entry, so the
   * hook neither flashes "Loading…" nor fetches it again.
   */
  show(runtime: SessionRuntime, shown: InterviewSession, except?: string): void
}

export function createSessionWriter(api: BaseInterviewApi): SessionWriter {
  function write(runtime: SessionRuntime, entry: IndexedEntry, value: InterviewSession | readonly InterviewSession[]) {
    // One replace patch per entry: the new value is frozen already, so RTK's reducer takes it without walking it.
    const patches = [{ op: 'replace' as const, path: [], value }]
    if (entry.kind === 'detail' && typeof entry.arg === 'string') {
      runtime.store.dispatch(api.util.patchQueryData('getInterview', entry.arg, patches))
    } else if (entry.kind === 'list') {
      runtime.store.dispatch(api.util.patchQueryData('listInterviews', listArg(entry.arg), patches))
    }
  }

  return {
    show(runtime, shown, except) {
      const index = runtime.index()
      const key = sessionKey(shown.id)
      let holders = 0
      const detail = index.detail(key)
      if (detail && sessionOf(detail)) {
        holders += 1
        if (detail.queryCacheKey !== except && detail.data !== shown) {
          index.replaced(detail.queryCacheKey, shown, sessionOf(detail), shown)
          write(runtime, detail, shown)
        }
      }
      for (const list of index.lists()) {
        const items = listOf(list)
        if (!items) continue
        const belongs = list.filter === undefined || shown.status === list.filter
        if (belongs) holders += 1
        if (list.queryCacheKey === except) continue
        const held = index.heldBy(key, list)
        const next = placeInList(items, shown, belongs, held)
        if (next === items) continue
        // The index learns the new list from here: the next sync walks none of it.
        index.replaced(list.queryCacheKey, next, held, belongs ? shown : undefined)
        write(runtime, list, next)
      }
      if (holders === 0 && except === undefined && runtime.isWatched(key)) {
        runtime.store.dispatch(api.util.upsertQueryEntries([{ endpointName: 'getInterview', arg: shown.id, value: shown }]))
      }
    },
  }
}
