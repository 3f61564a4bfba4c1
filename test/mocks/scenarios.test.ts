import {
  DEMO_SESSION_IDS,
  createHold,
  createInterviewDb,
  createInterviewHandlers,
} from 'interview-session-kit/mocks'
import type { InterviewDb, InterviewHandlers, MockScenarioRule } from 'interview-session-kit/mocks'
import { setupServer } from 'msw/node'
import { BASE_URL, bearer, deferred, send } from './mockApi'

const server = setupServer()
let db: InterviewDb
let scenarios: MockScenarioRule[]
let handlers: InterviewHandlers

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  db = createInterviewDb()
  scenarios = []
  handlers = createInterviewHandlers({ db, baseUrl: BASE_URL, scenarios })
  server.use(...handlers)
})
afterEach(() => {
  server.resetHandlers()
  server.events.removeAllListeners()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

const { active, active2, paused } = DEMO_SESSION_IDS
const pauseUrl = (id: string) => `${BASE_URL}/interviews/${id}/pause`
const pause = (id: string = active) => send(`/interviews/${id}/pause`, { method: 'POST', headers: bearer() })
const get = (id: string = active) => send(`/interviews/${id}`, { headers: bearer() })

/** Resolves once the handlers have written to the db (the request has arrived and been applied). */
function whenWritten(): Promise<void> {
  const written = deferred()
  const update = db.update
  vi.spyOn(db, 'update').mockImplementation((id, patch) => {
    const result = update(id, patch)
    written.resolve()
    return result
  })
  return written.promise
}

/** Resolves once the handlers have looked a session up (the request has arrived and its answer is computed). */
function whenRead(): Promise<void> {
  const read = deferred()
  const record = db.record
  vi.spyOn(db, 'record').mockImplementation((id) => {
    const result = record(id)
    read.resolve()
    return result
  })
  return read.promise
}

describe('failure scenarios', () => {
  it('networkError makes fetch reject with a TypeError and leaves the db unchanged', async () => {
    scenarios.push({ scenario: { kind: 'networkError' } })
    const before = db.list()
    await expect(fetch(pauseUrl(active), { method: 'POST', headers: bearer() })).rejects.toThrow(TypeError)
    expect(db.list()).toEqual(before)
  })

  it('serverError answers 500 {"error":"Internal server error"} as JSON and leaves the db unchanged', async () => {
    scenarios.push({ endpoint: 'pause', scenario: { kind: 'serverError' } })
    const before = db.list()
    const answer = await pause()
    expect([answer.status, answer.json, answer.contentType]).toEqual([
      500,
      { error: 'Internal server error' },
      'application/json',
    ])
    expect(db.list()).toEqual(before)
  })

  it('slow still delivers the normal answer', async () => {
    scenarios.push({ scenario: { kind: 'slow', ms: 30 } })
    const answer = await pause()
    expect(answer.status).toBe(200)
    expect(db.get(active)?.status).toBe('paused')
  })

  it('hang never answers, and the handler settles once the client aborts (nothing left pending)', async () => {
    scenarios.push({ endpoint: 'get', scenario: { kind: 'hang' } })
    const started = deferred()
    const settled = deferred()
    server.events.on('request:start', () => started.resolve())
    server.events.on('request:match', () => settled.resolve())
    const controller = new AbortController()

    const request = fetch(`${BASE_URL}/interviews/${active}`, { headers: bearer(), signal: controller.signal })
    await started.promise
    controller.abort()

    await expect(request).rejects.toMatchObject({ name: 'AbortError' })
    await settled.promise
  })

  it('hold applies the change on arrival and sends the answer only when released', async () => {
    const hold = createHold()
    scenarios.push({ endpoint: 'pause', scenario: hold.scenario })
    const written = whenWritten()
    let answered = false

    const request = pause().then((answer) => {
      answered = true
      return answer
    })
    await written
    expect(db.get(active)?.status).toBe('paused')
    expect(answered).toBe(false)

    hold.release()
    const answer = await request
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ id: active, status: 'paused' })
  })

  it('hold on a GET returns the state at arrival even if a pause lands meanwhile', async () => {
    const release = deferred()
    scenarios.push({ endpoint: 'get', sessionId: active, times: 1, scenario: { kind: 'hold', release: release.promise } })
    const read = whenRead()

    const heldGet = get()
    await read
    expect((await pause()).status).toBe(200)
    release.resolve()

    expect((await heldGet).json).toMatchObject({ id: active, status: 'active' })
    expect(db.get(active)?.status).toBe('paused')
  })

  it('hold sends the answer when the release promise rejects, too', async () => {
    const release = Promise.reject(new Error('released by failure'))
    release.catch(() => undefined) // handled here; the handler still sees a rejected promise
    scenarios.push({ scenario: { kind: 'hold', release } })
    expect((await get()).status).toBe(200)
  })

  it('times: 1 applies once, then normal answers resume', async () => {
    scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } })
    expect((await pause()).status).toBe(500)
    expect((await pause()).status).toBe(200)
  })

  it('times: 0 never applies', async () => {
    scenarios.push({ times: 0, scenario: { kind: 'serverError' } })
    expect((await get()).status).toBe(200)
  })

  it('the first matching unspent rule wins, and a spent rule gives way to the next', async () => {
    scenarios.push(
      { endpoint: 'get', times: 1, scenario: { kind: 'serverError' } },
      { endpoint: 'get', scenario: { kind: 'networkError' } },
    )
    expect((await get()).status).toBe(500)
    await expect(get()).rejects.toThrow(TypeError)
    await expect(get()).rejects.toThrow(TypeError)
  })

  it('matches on endpoint and on session id (case-insensitively), and a sessionId rule never matches the list', async () => {
    scenarios.push({ endpoint: 'pause', sessionId: active2, scenario: { kind: 'serverError' } })
    scenarios.push({ sessionId: paused, scenario: { kind: 'serverError' } })

    expect((await pause(active)).status).toBe(200)
    expect((await pause(active2)).status).toBe(500)
    expect((await pause(active2.toUpperCase())).status).toBe(500)
    expect((await get(active2)).status).toBe(200)
    expect((await get(paused)).status).toBe(500)
    expect((await send('/interviews', { headers: bearer() })).status).toBe(200)
  })

  it('a rule without endpoint or sessionId matches every endpoint', async () => {
    scenarios.push({ scenario: { kind: 'serverError' } })
    const answers = await Promise.all([
      pause(),
      send(`/interviews/${paused}/resume`, { method: 'POST', headers: bearer() }),
      get(),
      send('/interviews?status=active', { headers: bearer() }),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([500, 500, 500, 500])
  })

  it('sees rules pushed or spliced after the handlers were created, through either array', async () => {
    expect((await get()).status).toBe(200)

    scenarios.push({ endpoint: 'get', scenario: { kind: 'serverError' } })
    expect((await get()).status).toBe(500)

    scenarios.splice(0, scenarios.length)
    expect((await get()).status).toBe(200)

    expect(handlers.scenarios).toBe(scenarios)
    handlers.scenarios.push({ endpoint: 'get', scenario: { kind: 'serverError' } })
    expect((await get()).status).toBe(500)
  })

  it('gives handlers created without a scenarios array their own live list', async () => {
    const own = createInterviewHandlers({ db, baseUrl: BASE_URL })
    server.resetHandlers(...own)
    own.scenarios.push({ times: 1, scenario: { kind: 'serverError' } })
    expect((await get()).status).toBe(500)
    expect((await get()).status).toBe(200)
  })
})
