import type { InterviewSession } from '../model/index.js'
import type { InterviewDb } from './createInterviewDb.js'
import { parseAuthorization } from './parseAuthorization.js'
import { checkJsonBody, checkSessionId, checkStatusQuery, getSession, listSessions, pauseSession, resumeSession } from './sessionRules.js'
import type { MockErrorBody, MockFailure } from './sessionRules.js'

/** The four endpoints of the mock server. */
export type MockEndpoint = 'pause' | 'resume' | 'get' | 'list'

/** A request reduced to what the rules look at. */
export interface MockRequest {
  endpoint: MockEndpoint
  /** The `Authorization` header value, `null` when absent. */
  authorization: string | null
  /** The decoded `:id` path segment (pause, resume, get). */
  sessionId?: string
  /** The raw body text (pause, resume); `null`, `undefined` or `''` when there is none. */
  body?: string | null
  /** Every value of the `status` query parameter, in order (list). */
  status?: readonly string[]
}

/** The HTTP status and JSON body the mock server answers a request with. */
export type MockReply = { status: number; body: InterviewSession | InterviewSession[] | MockErrorBody }

/** The answer to a request without a known token (the seed's 401 body). */
export const UNAUTHORIZED: MockReply = { status: 401, body: { error: 'Unauthorized' } }

/**
 * Answers one request, running the checks in the server's order — 401 token, 400 request format, 404 missing,
 * 403 owner, 404 wrong status — and applying the change on success. A rejected request changes nothing.
 * Pure apart from the db write; never throws.
 */
export function handleInterviewRequest(db: InterviewDb, request: MockRequest): MockReply {
  const token = parseAuthorization(request.authorization)
  const user = token === undefined ? undefined : db.userByToken(token)
  if (!user) return UNAUTHORIZED

  if (request.endpoint === 'list') {
    const status = checkStatusQuery(request.status ?? [])
    if (!status.ok) return reply(status)
    const result = listSessions(db, user.id, status.value)
    return result.ok ? { status: 200, body: result.sessions } : reply(result)
  }

  const id = checkSessionId(request.sessionId)
  if (!id.ok) return reply(id)
  if (request.endpoint === 'get') return sessionReply(getSession(db, user.id, id.value))

  const body = checkJsonBody(request.body)
  if (!body.ok) return reply(body)
  const rule = request.endpoint === 'pause' ? pauseSession : resumeSession
  return sessionReply(rule(db, user.id, id.value))
}

function reply(failure: MockFailure): MockReply {
  return { status: failure.status, body: failure.body }
}

function sessionReply(result: { ok: true; session: InterviewSession } | MockFailure): MockReply {
  return result.ok ? { status: 200, body: result.session } : reply(result)
}
