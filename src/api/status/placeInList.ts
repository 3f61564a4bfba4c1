import { compareListOrder, sessionKey, type InterviewSession } from '../../model/index.js'

type List = readonly InterviewSession[]

/** The first index whose item does not come before `session` in list order (binary search on a sorted list). */
function lowerBound(list: List, session: InterviewSession): number {
  let low = 0
  let high = list.length
  while (low < high) {
    const mid = (low + high) >>> 1
    if (compareListOrder(list[mid] as InterviewSession, session) < 0) low = mid + 1
    else high = mid
  }
  return low
}

/** Where `held` (a copy the list holds) sits: found by binary search, else by a scan for its id. -1 when absent. */
function indexOfHeld(list: List, held: InterviewSession): number {
  const at = lowerBound(list, held)
  if (list[at] === held) return at
  const key = sessionKey(held.id)
  return list.findIndex((item) => sessionKey(item.id) === key)
}

// Copies with one item removed and/or one inserted. Lists in the cache are frozen, and V8 reads frozen arrays slowly
// from a JS loop: a replacement or a removal copies with the spread and `splice` builtins, a move or an insertion in
// a single pass.
function rebuild(list: List, removeAt: number, insertAt: number, session: InterviewSession): List {
  if (removeAt !== -1 && (insertAt === removeAt || insertAt === -1)) {
    const next = [...list]
    if (insertAt === removeAt) next[removeAt] = session
    else next.splice(removeAt, 1)
    return Object.freeze(next)
  }
  const length = list.length - (removeAt === -1 ? 0 : 1) + (insertAt === -1 ? 0 : 1)
  const next = new Array<InterviewSession>(length)
  let out = 0
  for (let i = 0; i <= list.length; i += 1) {
    if (i === insertAt) next[out++] = session
    if (i < list.length && i !== removeAt) next[out++] = list[i] as InterviewSession
  }
  return Object.freeze(next)
}

/**
 * `list` (sorted most recently updated first) with `session` where it belongs: `held` is the copy the list holds
 * now, if any. Replaced in place when its sort key is unchanged, moved when it changed, inserted when the list gains
 * it, removed when `belongs` is false. Returns `list` itself when nothing changes. O(log n) to find, one copy to write.
 */
export function placeInList(list: List, session: InterviewSession, belongs: boolean, held: InterviewSession | undefined): List {
  const at = held ? indexOfHeld(list, held) : -1
  const current = at === -1 ? undefined : list[at]
  if (current === session && belongs) return list
  if (at === -1 && !belongs) return list
  if (current && belongs && compareListOrder(current, session) === 0) return rebuild(list, at, at, session)
  if (!belongs) return rebuild(list, at, -1, session)
  // The bound is taken with the old copy still in place; `rebuild` skips it, so the position holds either way.
  return rebuild(list, at, lowerBound(list, session), session)
}

/** Whether `list` is in list order. */
export function isInListOrder(list: List): boolean {
  for (let i = 1; i < list.length; i += 1) {
    if (compareListOrder(list[i - 1] as InterviewSession, list[i] as InterviewSession) > 0) return false
  }
  return true
}
