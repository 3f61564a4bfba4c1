import type { InterviewSession } from './InterviewSession.js'
import { sessionKey } from './sessionKey.js'

const Z = 90 // 'Z'
const T = 84 // 'T'

// `2026-11-26T22:09:09.123Z`: UTC timestamps of one layout order as text, so the common case needs no parsing.
function sameUtcLayout(a: string, b: string): boolean {
  return (
    a.length === b.length &&
    a.charCodeAt(a.length - 1) === Z &&
    b.charCodeAt(b.length - 1) === Z &&
    a.charCodeAt(10) === T &&
    b.charCodeAt(10) === T
  )
}

/** Compares two ISO 8601 timestamps: negative when `a` is earlier, 0 when equal. Unparseable ones compare as text. */
export function compareTimes(a: string, b: string): number {
  if (a === b) return 0
  if (sameUtcLayout(a, b)) return a < b ? -1 : 1
  const diff = Date.parse(a) - Date.parse(b)
  if (!Number.isNaN(diff) && diff !== 0) return diff
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The order of every session list: most recently updated first, then by id (lower case) so that ties are stable.
 * Negative when `a` comes before `b`.
 */
export function compareListOrder(a: InterviewSession, b: InterviewSession): number {
  const byTime = compareTimes(b.updatedAt, a.updatedAt)
  if (byTime !== 0) return byTime
  const ka = sessionKey(a.id)
  const kb = sessionKey(b.id)
  return ka < kb ? -1 : ka > kb ? 1 : 0
}
