import type { InterviewSession } from '../model/index.js'

// `2026-11-26T22:09:09.123Z`: UTC timestamps in one layout order as text, without parsing.
const UTC_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/

/** Compares two ISO 8601 timestamps: negative when `a` is earlier. Unparseable ones compare as text. */
export function compareTimes(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === b.length && UTC_ISO.test(a) && UTC_ISO.test(b)) return a < b ? -1 : 1
  const diff = Date.parse(a) - Date.parse(b)
  if (!Number.isNaN(diff)) return diff
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether `a` comes before `b` in a list: most recently updated first, then by id so that ties are stable. */
export function comesBefore(a: InterviewSession, b: InterviewSession): boolean {
  const order = compareTimes(a.updatedAt, b.updatedAt)
  return order === 0 ? a.id < b.id : order > 0
}

/** Session ids compare case-insensitively: the server accepts hex digits of either case. */
export function sameId(a: string, b: string): boolean {
  return a === b || (a.length === b.length && a.toLowerCase() === b.toLowerCase())
}

/** The copy the server wrote last: `candidate` unless `known` is strictly newer. */
export function newer(known: InterviewSession | undefined, candidate: InterviewSession): InterviewSession {
  return known && compareTimes(known.updatedAt, candidate.updatedAt) > 0 ? known : candidate
}

/** `session` showing `status`, the same object when it already does. */
export function withStatus(session: InterviewSession, status: string): InterviewSession {
  return session.status === status ? session : { ...session, status }
}

/**
 * Where `session` belongs in a list filtered by `filter` (undefined: unfiltered): replaced where it stands when its
 * sort key is unchanged, moved to its sorted place when it changed, inserted when the list gains it, removed when it
 * no longer matches the filter. Returns `list` itself when nothing changes.
 */
export function placeInList(
  list: readonly InterviewSession[],
  session: InterviewSession,
  filter: string | undefined,
): readonly InterviewSession[] {
  const index = list.findIndex((item) => sameId(item.id, session.id))
  const belongs = filter === undefined || session.status === filter
  const current = list[index]
  if (current === session && belongs) return list
  if (index === -1 && !belongs) return list
  const next = list.slice()
  if (current && belongs && current.updatedAt === session.updatedAt) {
    next[index] = session
    return next
  }
  if (index !== -1) next.splice(index, 1)
  if (!belongs) return next
  const at = next.findIndex((item) => comesBefore(session, item))
  next.splice(at === -1 ? next.length : at, 0, session)
  return next
}

/** `list` most recently updated first: itself when already in order (the server's own answer), else a sorted copy. */
export function inListOrder(list: readonly InterviewSession[]): readonly InterviewSession[] {
  const sorted = list.every((item, i) => i === 0 || !comesBefore(item, list[i - 1] as InterviewSession))
  return sorted ? list : list.slice().sort((a, b) => (comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0))
}
