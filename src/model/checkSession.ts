import type { InterviewSession } from './InterviewSession.js'
import { isSessionId } from './isSessionId.js'
import { sessionKey } from './sessionKey.js'

/** The outcome of {@link checkSession}: the session, or what is wrong with it, one line each. */
export type SessionCheck<T> = { ok: true; value: T } | { ok: false; issues: string[] }

// `2026-11-26T22:09:09.123Z`, the layout servers send: checked by its characters; anything else is parsed.
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/
const isTimestamp = (value: string) => ISO_UTC.test(value) || !Number.isNaN(Date.parse(value))

function issuesOf(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path || 'session'}: expected an object`]
  const { id, status, updatedAt } = value as Record<string, unknown>
  const issues: string[] = []
  if (!isSessionId(id)) issues.push(`${path}id: expected a UUID`)
  if (typeof status !== 'string' || status === '') issues.push(`${path}status: expected a string`)
  if (typeof updatedAt !== 'string' || !isTimestamp(updatedAt)) issues.push(`${path}updatedAt: expected a timestamp`)
  return issues
}

/**
 * The always-on check of a session from the server: the three fields the cache relies on (`id` a UUID, `status` a
 * string, `updatedAt` a timestamp) and, when given, the id and status the answer must have. Every other field is
 * the server's business; full validation of the session model is opt-in (`sessionSchema` of `createInterviewApi`).
 * Never throws.
 */
export function checkSession(value: unknown, expected: { id?: string; status?: string } = {}): SessionCheck<InterviewSession> {
  const issues = issuesOf(value, '')
  if (issues.length > 0) return { ok: false, issues }
  const session = value as InterviewSession
  if (expected.id !== undefined && sessionKey(session.id) !== sessionKey(expected.id)) {
    return { ok: false, issues: [`id: expected "${expected.id}", received "${session.id}"`] }
  }
  if (expected.status !== undefined && session.status !== expected.status) {
    return { ok: false, issues: [`status: expected "${expected.status}", received "${session.status}"`] }
  }
  return { ok: true, value: session }
}

/** {@link checkSession} for a list answer: an array whose every item passes. Never throws. */
export function checkSessionList(value: unknown): SessionCheck<InterviewSession[]> {
  if (!Array.isArray(value)) return { ok: false, issues: ['expected an array of sessions'] }
  for (let i = 0; i < value.length; i += 1) {
    const issues = issuesOf(value[i], `${i}.`)
    if (issues.length > 0) return { ok: false, issues }
  }
  return { ok: true, value: value as InterviewSession[] }
}
