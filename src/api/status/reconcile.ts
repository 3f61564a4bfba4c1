import { checkSession, compareListOrder, sessionKey, type InterviewSession, type StatusAction } from '../../model/index.js'
import { shownCopy, type Intent, type SessionRuntime } from './createSessionRuntime.js'
import { isInListOrder } from './placeInList.js'
import { sameJson } from './sameJson.js'

/** The action of the latest call still waiting, if any: what the session shows. */
export function pendingAction(intent: Intent): StatusAction | null {
  return intent.calls.at(-1)?.action ?? null
}

/** Recomputes what the caches show for `intent`. */
export function refreshShown(intent: Intent): void {
  const action = pendingAction(intent)
  intent.shown = action ? shownCopy(intent.server, action) : intent.server
}

/**
 * Records `copy` as the server's copy of a session with a change in flight, unless the one held is newer. Returns
 * whether what the caches show changed.
 */
export function observe(runtime: SessionRuntime, intent: Intent, copy: InterviewSession): boolean {
  const held = intent.server
  if (held && sameJson(held, copy)) {
    runtime.setStamp(held, Math.max(runtime.stampOf(held), runtime.stampOf(copy)))
    return false
  }
  if (held && runtime.fresher(held, copy)) return false
  intent.server = copy
  refreshShown(intent)
  return true
}

/** What a read brought, as the caches should hold it, and the copies the other entries must take. */
export interface Reconciled<T> {
  value: T
  /** Sessions to show everywhere else: newer copies of sessions other entries hold, and changes in flight. */
  spread: InterviewSession[]
}

/**
 * One session a read brought (stamped with the read's request order), as the caches should hold it:
 * - with a change in flight, the server's copy is kept aside and the change is shown (a read that started before
 *   the change cannot flip it back);
 * - otherwise, never older than a copy already held (a read that started before a confirmed change cannot undo it),
 *   ties on `updatedAt` going to the copy from the later request; the held object itself when the content is the
 *   same, so nothing re-renders.
 */
export function reconcileCopy(runtime: SessionRuntime, copy: InterviewSession): Reconciled<InterviewSession> {
  const key = sessionKey(copy.id)
  const intent = runtime.intents.get(key)
  if (intent) {
    const changed = observe(runtime, intent, copy)
    const shown = intent.shown ?? copy
    return { value: shown, spread: changed ? [shown] : [] }
  }
  // Also a copy no entry holds any more: a session that left every list it was in stays as it left.
  const known = runtime.index().lastKnown(key)
  if (!known) return { value: copy, spread: [] }
  if (sameJson(known, copy)) {
    // The held copy, confirmed again: by the later of the two requests.
    runtime.setStamp(known, Math.max(runtime.stampOf(known), runtime.stampOf(copy)))
    return { value: known, spread: [] }
  }
  if (runtime.fresher(known, copy)) return { value: known, spread: [] }
  return { value: copy, spread: [copy] }
}

/**
 * A list a read brought for `filter` (stamped `stamp`), as the cache should hold it: every item reconciled as by
 * {@link reconcileCopy} and dropped when the copy kept no longer matches the filter; sessions with a change in flight
 * that now match it are added; most recently updated first. An item equal to the copy already held is that copy (it
 * was checked when it arrived); any other is checked first, and one that fails fails the whole list (`issues`). The
 * list held now (`current`) is kept as it is when the answer changes nothing.
 */
export function reconcileList(
  runtime: SessionRuntime,
  items: readonly unknown[],
  filter: string | undefined,
  current: readonly InterviewSession[] | undefined,
  stamp: number,
): Reconciled<readonly InterviewSession[]> | { issues: string[] } {
  const index = runtime.index()
  const rows: InterviewSession[] = []
  const spread: InterviewSession[] = []
  const seen = new Set<string>()
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i]
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
    const key = typeof id === 'string' ? sessionKey(id) : undefined
    const known = key === undefined || runtime.intents.has(key) ? undefined : index.freshest(key)
    let value: InterviewSession
    if (known && sameJson(known, item)) {
      runtime.setStamp(known, Math.max(runtime.stampOf(known), stamp))
      value = known
    } else {
      const checked = checkSession(item)
      if (!checked.ok) return { issues: checked.issues.map((issue) => `${i}.${issue}`) }
      runtime.setStamp(checked.value, stamp)
      const reconciled = reconcileCopy(runtime, checked.value)
      for (const copy of reconciled.spread) spread.push(copy)
      value = reconciled.value
    }
    seen.add(sessionKey(value.id))
    if (filter === undefined || value.status === filter) rows.push(value)
  }
  // A change in flight the server's list does not reflect yet.
  for (const [key, intent] of runtime.intents) {
    if (seen.has(key) || !intent.shown || intent.calls.length === 0) continue
    if (filter === undefined || intent.shown.status === filter) rows.push(intent.shown)
  }
  if (!isInListOrder(rows)) rows.sort(compareListOrder)
  // Nothing changed: the list the cache holds stays, so nothing that shows it renders again.
  if (current && current.length === rows.length && rows.every((row, i) => row === current[i])) {
    return { value: current, spread }
  }
  return { value: rows, spread }
}

export type { Intent }
