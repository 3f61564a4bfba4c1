import type { InterviewSession } from 'interview-session-kit'
import { DEMO_SESSION_IDS, DEMO_TOKENS, createInterviewHandlers } from 'interview-session-kit/mocks'
import { BASE_URL, bearer, send, setupMockDb } from './mockApi'

const mock = setupMockDb()
afterEach(() => vi.restoreAllMocks())

const ids = DEMO_SESSION_IDS
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

function post(path: string, init: RequestInit = {}) {
  return send(path, { method: 'POST', headers: bearer(), ...init })
}

function withoutChange(session: InterviewSession) {
  const { status: _status, updatedAt: _updatedAt, ...rest } = session
  return rest
}

function stored(id: string): InterviewSession {
  const session = mock.db.get(id)
  if (!session) throw new Error(`no session ${id}`)
  return session
}

describe('pause and resume', () => {
  it('pauses an active session: status paused, a newer ISO updatedAt, every other field unchanged', async () => {
    const before = stored(ids.active)
    const answer = await post(`/interviews/${ids.active}/pause`)
    const session = answer.json as InterviewSession

    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('application/json')
    expect(session.status).toBe('paused')
    expect(session.updatedAt).toMatch(ISO)
    expect(Date.parse(session.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt))
    expect(withoutChange(session)).toEqual(withoutChange(before))
    expect(session).toEqual(stored(ids.active))
    expect(answer.text).not.toContain('ownerId')
  })

  it('preserves the conversation history byte for byte across pause and resume', async () => {
    const before = stored(ids.active)
    const history = JSON.stringify([before.recentMessages, before.conversationId, before.progress, before.score])

    const paused = (await post(`/interviews/${ids.active}/pause`)).json as InterviewSession
    expect(paused.recentMessages).toEqual(before.recentMessages)
    expect(JSON.stringify([paused.recentMessages, paused.conversationId, paused.progress, paused.score])).toBe(history)

    const resumed = (await post(`/interviews/${ids.active}/resume`)).json as InterviewSession
    expect(resumed.status).toBe('active')
    expect(resumed.recentMessages).toEqual(before.recentMessages)
    expect(JSON.stringify([resumed.recentMessages, resumed.conversationId, resumed.progress, resumed.score])).toBe(history)
    expect(stored(ids.active).recentMessages).toEqual(before.recentMessages)
  })

  it('resumes a paused session: status active, newer updatedAt, every other field unchanged', async () => {
    const before = stored(ids.paused)
    const answer = await post(`/interviews/${ids.paused}/resume`)
    const session = answer.json as InterviewSession

    expect(answer.status).toBe(200)
    expect(session.status).toBe('active')
    expect(Date.parse(session.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt))
    expect(withoutChange(session)).toEqual(withoutChange(before))
  })

  it('answers 404 Failed to pause on the second of two pauses, leaving the first result in place', async () => {
    const first = await post(`/interviews/${ids.active}/pause`)
    const afterFirst = mock.db.list()
    const second = await post(`/interviews/${ids.active}/pause`)

    expect(first.status).toBe(200)
    expect([second.status, second.json]).toEqual([404, { error: 'Failed to pause interview' }])
    expect(mock.db.list()).toEqual(afterFirst)
  })

  it('refuses to resume an active session and to pause a completed or "archived" one (404)', async () => {
    const answers = await Promise.all([
      post(`/interviews/${ids.active}/resume`),
      post(`/interviews/${ids.completed}/pause`),
      post(`/interviews/${ids.unknownStatus}/pause`),
      post(`/interviews/${ids.completed}/resume`),
    ])
    expect(answers.map(({ status, json }) => [status, json])).toEqual([
      [404, { error: 'Failed to resume interview' }],
      [404, { error: 'Failed to pause interview' }],
      [404, { error: 'Failed to pause interview' }],
      [404, { error: 'Failed to resume interview' }],
    ])
  })

  it('accepts no body, an empty body, {} and an object with extra fields, whatever the Content-Type', async () => {
    const bodies: RequestInit[] = [
      {},
      { body: '' },
      { body: '{}', headers: { 'content-type': 'application/json', ...bearer() } },
      { body: '{}', headers: { 'content-type': 'text/plain', ...bearer() } },
    ]
    for (const init of bodies) {
      expect((await post(`/interviews/${ids.active}/pause`, init)).status).toBe(200)
      expect((await post(`/interviews/${ids.active}/resume`, { body: '{"reason":"back"}' })).status).toBe(200)
    }
  })

  it('accepts the Bearer scheme in any case (bearer, BEARER)', async () => {
    const lower = await post(`/interviews/${ids.active}/pause`, { headers: { authorization: `bearer ${DEMO_TOKENS.alice}` } })
    const upper = await post(`/interviews/${ids.active}/resume`, { headers: { authorization: `BEARER ${DEMO_TOKENS.alice}` } })
    expect([lower.status, upper.status]).toEqual([200, 200])
  })

  it('accepts an upper-case UUID and answers with the canonical lowercase id', async () => {
    const answer = await post(`/interviews/${ids.active.toUpperCase()}/pause`)
    expect(answer.status).toBe(200)
    expect((answer.json as InterviewSession).id).toBe(ids.active)
    expect(stored(ids.active).status).toBe('paused')
  })
})

describe('get', () => {
  it('returns the caller’s own session exactly as stored, without ownerId', async () => {
    const answer = await send(`/interviews/${ids.paused}`, { headers: bearer() })
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('application/json')
    expect(answer.json).toEqual(stored(ids.paused))
    expect(answer.text).not.toContain('ownerId')
  })

  it('returns a session in a status the library does not know as it is', async () => {
    const answer = await send(`/interviews/${ids.unknownStatus}`, { headers: bearer() })
    expect((answer.json as InterviewSession).status).toBe('archived')
  })

  it('lets bob read his own session and forbids him alice’s', async () => {
    const own = await send(`/interviews/${ids.bobActive}`, { headers: bearer(DEMO_TOKENS.bob) })
    const other = await send(`/interviews/${ids.active}`, { headers: bearer(DEMO_TOKENS.bob) })
    expect([own.status, other.status]).toEqual([200, 403])
  })
})

describe('list', () => {
  const listIds = async (query = '', token: string = DEMO_TOKENS.alice) => {
    const answer = await send(`/interviews${query}`, { headers: bearer(token) })
    expect(answer.status).toBe(200)
    expect(answer.contentType).toBe('application/json')
    expect(answer.text).not.toContain('ownerId')
    return (answer.json as InterviewSession[]).map((session) => session.id)
  }

  it('returns only the caller’s sessions, most recently updated first, ties by id', async () => {
    expect(await listIds()).toEqual([
      ids.active,
      ids.active3,
      ids.active2,
      ids.paused, // same updatedAt as paused2, smaller id
      ids.paused2,
      ids.completed,
      ids.unknownStatus,
    ])
    expect(await listIds('', DEMO_TOKENS.bob)).toEqual([ids.bobActive, ids.bobPaused])
  })

  it.each([
    ['active', [ids.active, ids.active3, ids.active2]],
    ['paused', [ids.paused, ids.paused2]],
    ['completed', [ids.completed]],
  ])('filters by status=%s', async (status, expected) => {
    expect(await listIds(`?status=${status}`)).toEqual(expected)
  })

  it('treats /interviews/ (trailing slash) as the list and ignores unknown query parameters', async () => {
    const answer = await send('/interviews/?page=2&status=completed', { headers: bearer() })
    expect((answer.json as InterviewSession[]).map((session) => session.id)).toEqual([ids.completed])
  })

  it('returns the sessions exactly as get does', async () => {
    const answer = await send('/interviews?status=paused', { headers: bearer() })
    expect(answer.json).toEqual([stored(ids.paused), stored(ids.paused2)])
  })

  it('moves a just-paused session to the top of the paused list', async () => {
    await post(`/interviews/${ids.active2}/pause`)
    expect(await listIds('?status=paused')).toEqual([ids.active2, ids.paused, ids.paused2])
    expect(await listIds('?status=active')).toEqual([ids.active, ids.active3])
  })

  it('returns an empty array for a user with no session in that status', async () => {
    expect(await listIds('?status=completed', DEMO_TOKENS.bob)).toEqual([])
  })
})

describe('handler options and unhandled methods', () => {
  it('leaves other methods on these paths unhandled, so onUnhandledRequest reports them (no 405 handlers)', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await expect(fetch(`${BASE_URL}/interviews/${ids.active}/pause`, { method: 'PUT', headers: bearer() })).rejects.toThrow()
    await expect(fetch(`${BASE_URL}/interviews/${ids.active}`, { method: 'POST', headers: bearer() })).rejects.toThrow()
    await expect(fetch(`${BASE_URL}/interviews/${ids.active}/pause`, { method: 'DELETE', headers: bearer() })).rejects.toThrow()
    expect(report.mock.calls.flat().join('\n')).toContain('PUT')
    expect(stored(ids.active).status).toBe('active')
  })

  it('serves the default relative /api base against the page origin and ignores a trailing slash', async () => {
    mock.server.resetHandlers(...createInterviewHandlers({ db: mock.db }))
    expect((await send(`/interviews/${ids.active}`, { headers: bearer() })).status).toBe(200)

    mock.server.resetHandlers(...createInterviewHandlers({ db: mock.db, baseUrl: `${BASE_URL}/` }))
    expect((await send(`/interviews/${ids.active}`, { headers: bearer() })).status).toBe(200)
  })

  it('still answers normally with delayMs set', async () => {
    mock.server.resetHandlers(...createInterviewHandlers({ db: mock.db, baseUrl: BASE_URL, delayMs: 20 }))
    const answer = await post(`/interviews/${ids.active}/pause`)
    expect(answer.status).toBe(200)
  })
})
