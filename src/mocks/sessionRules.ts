import { INTERVIEW_STATUSES, canPause, canResume, isInterviewStatus, isSessionId, targetStatus } from '../model/index.js'
import type { InterviewSession, InterviewStatus, StatusAction } from '../model/index.js'
import type { InterviewDb } from './createInterviewDb.js'

/** The JSON body of every error answer: `{ error }`, plus `details` on 400. */
export type MockErrorBody = { error: string; details?: string }

/** A rejected request: the HTTP status and JSON body the server answers with. */
export type MockFailure = { ok: false; status: 400 | 401 | 403 | 404; body: MockErrorBody }

/** The outcome of a rule about one session. */
export type MockSessionResult = { ok: true; session: InterviewSession } | MockFailure

/** The outcome of the list rule. */
export type MockSessionListResult = { ok: true; sessions: InterviewSession[] } | MockFailure

/** The outcome of a request-format check: the checked value, or a 400. */
export type MockCheck<T> = { ok: true; value: T } | MockFailure

const FAILED: Record<StatusAction, MockErrorBody> = {
  pause: { error: 'Failed to pause interview' },
  resume: { error: 'Failed to resume interview' },
}
const NOT_FOUND: MockErrorBody = { error: 'Interview not found' }

function failure(status: MockFailure['status'], body: MockErrorBody): MockFailure {
  return { ok: false, status, body: { ...body } }
}

function invalid(details: string): MockFailure {
  return failure(400, { error: 'Invalid request', details })
}

/** 400 unless `id` is a UUID (hex of either case, see `isSessionId`). */
export function checkSessionId(id: unknown): MockCheck<string> {
  return isSessionId(id) ? { ok: true, value: id } : invalid('sessionId must be a UUID')
}

/**
 * 400 unless a POST body is absent or a JSON object. No body, an empty or blank body, and `{}` are fine; fields of
 * the object are ignored. The Content-Type header is not consulted: the body is parsed as JSON whatever it says.
 */
export function checkJsonBody(text: string | null | undefined): MockCheck<Record<string, unknown> | undefined> {
  // Blank as JSON counts it (space, tab, line feed, carriage return), not as `trim()` does: U+00A0 is not JSON.
  if (text == null || /^[ \t\n\r]*$/.test(text)) return { ok: true, value: undefined }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return invalid('body must be valid JSON')
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ok: true, value: value as Record<string, unknown> }
    : invalid('body must be a JSON object')
}

/**
 * 400 unless the `status` query parameter (every value it was given, in order) is absent or given once with a known
 * status, matched case-sensitively.
 */
export function checkStatusQuery(values: readonly string[]): MockCheck<InterviewStatus | undefined> {
  if (values.length === 0) return { ok: true, value: undefined }
  if (values.length > 1) return invalid('status must be given at most once')
  const [value] = values
  return isInterviewStatus(value)
    ? { ok: true, value }
    : invalid(`status must be one of ${INTERVIEW_STATUSES.join(', ')}`)
}

/** `GET /interviews/:id` for user `userId`: 400 bad id, 404 missing, 403 someone else's, else the session. */
export function getSession(db: InterviewDb, userId: string, sessionId: string): MockSessionResult {
  const id = checkSessionId(sessionId)
  if (!id.ok) return id
  const record = db.record(id.value)
  if (!record) return failure(404, NOT_FOUND)
  if (record.ownerId !== userId) return failure(403, { error: 'Forbidden' })
  const session = db.get(record.id)
  return session ? { ok: true, session } : failure(404, NOT_FOUND)
}

function changeStatus(db: InterviewDb, action: StatusAction, userId: string, sessionId: string): MockSessionResult {
  const id = checkSessionId(sessionId)
  if (!id.ok) return id
  const record = db.record(id.value)
  if (!record) return failure(404, FAILED[action])
  if (record.ownerId !== userId) return failure(403, { error: 'Forbidden' })
  const allowed = action === 'pause' ? canPause(record.status) : canResume(record.status)
  if (!allowed) return failure(404, FAILED[action])
  const session = db.update(record.id, { status: targetStatus(action) })
  return session ? { ok: true, session } : failure(404, FAILED[action])
}

/**
 * `POST /interviews/:id/pause` for user `userId`: 400 bad id; 404 `Failed to pause interview` when missing or not
 * `active`; 403 someone else's; else the session, now `paused` with a new `updatedAt`, everything else unchanged.
 */
export function pauseSession(db: InterviewDb, userId: string, sessionId: string): MockSessionResult {
  return changeStatus(db, 'pause', userId, sessionId)
}

/**
 * `POST /interviews/:id/resume` for user `userId`: 400 bad id; 404 `Failed to resume interview` when missing or
 * not `paused`; 403 someone else's; else the session, now `active` with a new `updatedAt`.
 */
export function resumeSession(db: InterviewDb, userId: string, sessionId: string): MockSessionResult {
  return changeStatus(db, 'resume', userId, sessionId)
}

/**
 * `GET /interviews?status=…` for user `userId`: that user's sessions (only those in `status` when given), most
 * recently updated first, ties broken by id.
 */
export function listSessions(db: InterviewDb, userId: string, status?: InterviewStatus): MockSessionListResult {
  const sessions = db
    .records()
    .filter((record) => record.ownerId === userId && (status === undefined || record.status === status))
    .sort((a, b) => time(b.updatedAt) - time(a.updatedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((record) => db.get(record.id) ?? [])
  return { ok: true, sessions }
}

function time(iso: string): number {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms
}
