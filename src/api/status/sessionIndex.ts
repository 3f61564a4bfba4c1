import { sessionKey, type InterviewSession } from '../../model/index.js'
import { BoundedMap } from './BoundedMap.js'

/** The part of an RTK Query cache entry the index reads (what `api.util.selectEntriesForEndpoint` returns). */
export interface CacheEntryView {
  queryCacheKey: string
  originalArgs?: unknown
  data?: unknown
  status: string
  error?: unknown
}

/** One cached entry of the api, as the index knows it. */
export interface IndexedEntry {
  readonly queryCacheKey: string
  readonly kind: 'detail' | 'list'
  readonly arg: unknown
  /** The list's status filter; `undefined` for the unfiltered list and for details. */
  readonly filter: string | undefined
  readonly data: unknown
  readonly view: CacheEntryView
}

// Holdings name their entry by cache key, which outlives the entry's records: a list that changes in one place
// needs no update for the thousands of items that stayed.
interface Holding {
  cacheKey: string
  copy: InterviewSession
}

type List = readonly InterviewSession[]
const EMPTY: List = []

const asList = (data: unknown): List => (Array.isArray(data) ? (data as List) : EMPTY)
const asSession = (data: unknown): InterviewSession | undefined =>
  typeof data === 'object' && data !== null && !Array.isArray(data) && typeof (data as InterviewSession).id === 'string'
    ? (data as InterviewSession)
    : undefined

/** The sessions a list entry holds, `undefined` before its first answer. */
export function listOf(entry: IndexedEntry): readonly InterviewSession[] | undefined {
  return entry.kind === 'list' && Array.isArray(entry.data) ? (entry.data as List) : undefined
}

/** The session a detail entry holds, `undefined` before its first answer (or after a failed one). */
export function sessionOf(entry: IndexedEntry): InterviewSession | undefined {
  return entry.kind === 'detail' ? asSession(entry.data) : undefined
}

/**
 * Every session the api's cache holds, by session key, kept up to date incrementally: a sync looks only at entries
 * whose data changed, and within a changed list only at the window between its unchanged head and tail (one item for
 * a pause). For each session it knows which entries hold which copy, and which copy is the freshest.
 */
export interface SessionIndex {
  /**
   * Brings the index up to date with the api's entries (each array as `selectEntriesForEndpoint` returns it).
   * Returns the keys of the sessions whose copies, holders or detail entry changed.
   */
  sync(details: readonly CacheEntryView[], lists: readonly CacheEntryView[]): ReadonlySet<string>
  /** The freshest copy held by any entry. */
  freshest(key: string): InterviewSession | undefined
  /**
   * The freshest copy held by any entry, or the last one held of a session no entry holds any more (of the last few
   * hundred): what a copy that arrives later must not be older than.
   */
  lastKnown(key: string): InterviewSession | undefined
  /** Takes note of the server's copy of a session no entry may hold (one that left every list it was in). */
  remember(copy: InterviewSession): void
  /** The copy `entry` holds, if any. */
  heldBy(key: string, entry: IndexedEntry): InterviewSession | undefined
  /** Whether any list entry holds the session. */
  inAList(key: string): boolean
  /** The session's detail entry (`getInterview(id)`), if cached. */
  detail(key: string): IndexedEntry | undefined
  /** Every cached list entry. */
  lists(): readonly IndexedEntry[]
  /** The entry cached under `queryCacheKey`, if any. */
  entry(queryCacheKey: string): IndexedEntry | undefined
  /**
   * Takes note of a value about to be written into an entry, which held `left` and will hold `arrived` instead (a
   * copy of the same session): the sync that follows the write finds the entry's data known and walks none of it.
   */
  replaced(queryCacheKey: string, data: unknown, left: InterviewSession | undefined, arrived: InterviewSession | undefined): void
  clear(): void
}

// The index's own record of an entry: its data moves ahead of the store when the kit writes it (`replaced`).
type EntryRecord = Omit<IndexedEntry, 'data'> & { data: unknown }

/** Creates an empty {@link SessionIndex}; `fresher(a, b)` says whether copy `a` is newer than copy `b`. */
export function createSessionIndex(fresher: (a: InterviewSession, b: InterviewSession) => boolean): SessionIndex {
  let entries = new Map<string, EntryRecord>()
  let details = new Map<string, EntryRecord>()
  let listEntries: EntryRecord[] = []
  // Sessions changed by `replaced` since the last sync, reported by the next one.
  let noted = new Set<string>()
  let holdings = new Map<string, Holding[]>()
  let freshestCopies = new Map<string, InterviewSession>()
  let departed = new BoundedMap<InterviewSession>()
  let lastDetails: readonly CacheEntryView[] | undefined
  let lastLists: readonly CacheEntryView[] | undefined

  function hold(entry: IndexedEntry, copy: InterviewSession, changed: Set<string>) {
    const key = sessionKey(copy.id)
    const list = holdings.get(key)
    const holding = { cacheKey: entry.queryCacheKey, copy }
    if (list) list.push(holding)
    else holdings.set(key, [holding])
    changed.add(key)
  }

  function release(entry: IndexedEntry, copy: InterviewSession, changed: Set<string>) {
    const key = sessionKey(copy.id)
    const list = holdings.get(key)
    if (!list) return
    const at = list.findIndex((holding) => holding.cacheKey === entry.queryCacheKey && holding.copy === copy)
    if (at === -1) return
    list.splice(at, 1)
    if (list.length === 0) holdings.delete(key)
    changed.add(key)
  }

  function holdAll(entry: IndexedEntry, changed: Set<string>) {
    if (entry.kind === 'detail') {
      const copy = asSession(entry.data)
      if (copy) hold(entry, copy, changed)
    } else for (const copy of asList(entry.data)) hold(entry, copy, changed)
  }

  function releaseAll(entry: IndexedEntry, changed: Set<string>) {
    if (entry.kind === 'detail') {
      const copy = asSession(entry.data)
      if (copy) release(entry, copy, changed)
    } else for (const copy of asList(entry.data)) release(entry, copy, changed)
  }

  // A changed list: only the window between the unchanged head and tail (identity) is looked at.
  function diffList(before: IndexedEntry, after: IndexedEntry, changed: Set<string>) {
    const old = asList(before.data)
    const next = asList(after.data)
    let start = 0
    const shortest = Math.min(old.length, next.length)
    while (start < shortest && old[start] === next[start]) start += 1
    let endOld = old.length
    let endNew = next.length
    while (endOld > start && endNew > start && old[endOld - 1] === next[endNew - 1]) {
      endOld -= 1
      endNew -= 1
    }
    // One session moved (its `updatedAt` changed): the items between its old and new place only shifted by one.
    const shifted = (from: List, to: List, offset: number, count: number) => {
      for (let k = 0; k < count; k += 1) if (from[start + k] !== to[start + k + offset]) return false
      return true
    }
    const width = endOld - start
    if (width > 1 && width === endNew - start) {
      if (shifted(old, next, 1, width - 1)) return replace(before, after, old[endOld - 1], next[start], changed)
      if (shifted(next, old, 1, width - 1)) return replace(before, after, old[start], next[endNew - 1], changed)
    }
    for (let i = start; i < endOld; i += 1) release(before, old[i] as InterviewSession, changed)
    for (let i = start; i < endNew; i += 1) hold(after, next[i] as InterviewSession, changed)
  }

  function replace(
    before: IndexedEntry,
    after: IndexedEntry,
    left: InterviewSession | undefined,
    arrived: InterviewSession | undefined,
    changed: Set<string>,
  ) {
    if (left) release(before, left, changed)
    if (arrived) hold(after, arrived, changed)
  }

  function record(view: CacheEntryView, kind: IndexedEntry['kind']): EntryRecord {
    const arg = view.originalArgs
    const filter = kind === 'list' ? (arg as { status?: string } | undefined)?.status : undefined
    return { queryCacheKey: view.queryCacheKey, kind, arg, filter, data: view.data, view }
  }

  function syncKind(views: readonly CacheEntryView[], kind: IndexedEntry['kind'], changed: Set<string>) {
    const seen = new Set<string>()
    for (const view of views) {
      seen.add(view.queryCacheKey)
      const before = entries.get(view.queryCacheKey)
      if (before?.view === view) continue
      const after = record(view, kind)
      entries.set(view.queryCacheKey, after)
      if (!before) holdAll(after, changed)
      else if (before.data === after.data) {
        // Only the entry's status or error changed.
      } else if (kind === 'list') diffList(before, after, changed)
      else {
        releaseAll(before, changed)
        holdAll(after, changed)
      }
      if (kind === 'detail' && typeof after.arg === 'string') changed.add(sessionKey(after.arg))
    }
    for (const [cacheKey, entry] of entries) {
      if (entry.kind !== kind || seen.has(cacheKey)) continue
      entries.delete(cacheKey)
      releaseAll(entry, changed)
      if (kind === 'detail' && typeof entry.arg === 'string') changed.add(sessionKey(entry.arg))
    }
  }

  function refresh(changed: ReadonlySet<string>) {
    for (const key of changed) {
      const list = holdings.get(key)
      let best: InterviewSession | undefined
      for (const { copy } of list ?? []) if (!best || fresher(copy, best)) best = copy
      const before = freshestCopies.get(key)
      if (best) {
        freshestCopies.set(key, best)
        departed.delete(key)
      } else if (before) {
        freshestCopies.delete(key)
        departed.set(key, before)
      }
    }
  }

  return {
    sync(detailViews, listViews) {
      if (detailViews === lastDetails && listViews === lastLists) return new Set()
      const changed = noted
      noted = new Set()
      if (detailViews !== lastDetails) syncKind(detailViews, 'detail', changed)
      if (listViews !== lastLists) syncKind(listViews, 'list', changed)
      lastDetails = detailViews
      lastLists = listViews
      details = new Map()
      listEntries = []
      for (const entry of entries.values()) {
        if (entry.kind === 'list') listEntries.push(entry)
        else if (typeof entry.arg === 'string') details.set(sessionKey(entry.arg), entry)
      }
      refresh(changed)
      return changed
    },
    freshest: (key) => freshestCopies.get(key),
    lastKnown: (key) => freshestCopies.get(key) ?? departed.get(key),
    remember(copy) {
      const key = sessionKey(copy.id)
      if (!freshestCopies.has(key)) departed.set(key, copy)
    },
    heldBy: (key, entry) => holdings.get(key)?.find((holding) => holding.cacheKey === entry.queryCacheKey)?.copy,
    inAList: (key) => holdings.get(key)?.some((holding) => entries.get(holding.cacheKey)?.kind === 'list') ?? false,
    detail: (key) => details.get(key),
    lists: () => listEntries,
    entry: (queryCacheKey) => entries.get(queryCacheKey),
    replaced(queryCacheKey, data, left, arrived) {
      const entry = entries.get(queryCacheKey)
      if (!entry) return
      entry.data = data
      if (left) release(entry, left, noted)
      if (arrived) hold(entry, arrived, noted)
      refresh(noted)
    },
    clear() {
      noted = new Set()
      entries = new Map()
      details = new Map()
      listEntries = []
      holdings = new Map()
      freshestCopies = new Map()
      departed = new BoundedMap()
      lastDetails = undefined
      lastLists = undefined
    },
  }
}
