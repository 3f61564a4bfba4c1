// The server rules are plain functions: these tests call them without MSW.
import {
  DEMO_SESSION_IDS,
  DEMO_TOKENS,
  DEMO_USERS,
  checkJsonBody,
  checkSessionId,
  checkStatusQuery,
  createInterviewDb,
  getSession,
  handleInterviewRequest,
  listSessions,
  parseAuthorization,
  pauseSession,
  resumeSession,
} from 'interview-session-kit/mocks'
import type { InterviewDb } from 'interview-session-kit/mocks'

let db: InterviewDb
beforeEach(() => {
  db = createInterviewDb(undefined, { now: () => new Date('2026-12-01T10:00:00.000Z') })
})

const alice = DEMO_USERS.alice.id
const ids = DEMO_SESSION_IDS

describe('parseAuthorization', () => {
  it.each([
    ['Bearer abc.DEF-123_~+/=', 'abc.DEF-123_~+/='],
    ['bearer tok', 'tok'],
    ['BEARER tok', 'tok'],
  ])('reads the token from %j', (header, token) => {
    expect(parseAuthorization(header)).toBe(token)
  })

  it.each([null, undefined, '', 'Bearer', 'Bearer ', 'Bearer  tok', 'Bearer tok extra', 'Bearertok', 'Basic tok', ' Bearer tok', 'Bearer tok ', 'Bearer\ttok', 'Bearer tök', 'Bearer to=k'])(
    'rejects %j',
    (header) => {
      expect(parseAuthorization(header)).toBeUndefined()
    },
  )
})

describe('request-format checks', () => {
  it('accepts UUIDs of either case and rejects anything else', () => {
    expect(checkSessionId(ids.active.toUpperCase())).toEqual({ ok: true, value: ids.active.toUpperCase() })
    expect(checkSessionId(undefined)).toMatchObject({ ok: false, status: 400 })
  })

  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    [' \n', undefined],
    ['{}', {}],
    ['{"reason":"lunch"}', { reason: 'lunch' }],
  ])('accepts the body %j', (text, value) => {
    expect(checkJsonBody(text)).toEqual({ ok: true, value })
  })

  it('tells invalid JSON apart from JSON that is not an object', () => {
    expect(checkJsonBody('{')).toMatchObject({ body: { details: 'body must be valid JSON' } })
    expect(checkJsonBody('[]')).toMatchObject({ body: { details: 'body must be a JSON object' } })
  })

  it('accepts no status or one known status, case-sensitively', () => {
    expect(checkStatusQuery([])).toEqual({ ok: true, value: undefined })
    expect(checkStatusQuery(['paused'])).toEqual({ ok: true, value: 'paused' })
    expect(checkStatusQuery(['Paused'])).toMatchObject({ ok: false, status: 400 })
    expect(checkStatusQuery(['paused', 'paused'])).toMatchObject({ body: { details: 'status must be given at most once' } })
  })
})

describe('session rules', () => {
  it('pauses and resumes, returning the session and writing it', () => {
    const paused = pauseSession(db, alice, ids.active)
    expect(paused).toMatchObject({ ok: true, session: { status: 'paused', updatedAt: '2026-12-01T10:00:00.000Z' } })
    expect(resumeSession(db, alice, ids.active)).toMatchObject({ ok: true, session: { status: 'active' } })
  })

  it('returns failures as values without writing', () => {
    const before = db.list()
    expect(pauseSession(db, alice, ids.paused)).toEqual({ ok: false, status: 404, body: { error: 'Failed to pause interview' } })
    expect(resumeSession(db, alice, ids.bobPaused)).toEqual({ ok: false, status: 403, body: { error: 'Forbidden' } })
    expect(getSession(db, alice, ids.missing)).toEqual({ ok: false, status: 404, body: { error: 'Interview not found' } })
    expect(pauseSession(db, alice, 'nope')).toMatchObject({ ok: false, status: 400 })
    expect(db.list()).toEqual(before)
  })

  it('lists a user’s sessions newest first, optionally filtered', () => {
    const result = listSessions(db, DEMO_USERS.bob.id, 'paused')
    expect(result).toEqual({ ok: true, sessions: [db.get(ids.bobPaused)] })
  })

  it('answers through handleInterviewRequest in the server’s order of checks', () => {
    expect(handleInterviewRequest(db, { endpoint: 'pause', authorization: null, sessionId: 'x' })).toEqual({
      status: 401,
      body: { error: 'Unauthorized' },
    })
    expect(
      handleInterviewRequest(db, { endpoint: 'list', authorization: `Bearer ${DEMO_TOKENS.alice}`, status: ['completed'] }),
    ).toEqual({ status: 200, body: [db.get(ids.completed)] })
  })
})
