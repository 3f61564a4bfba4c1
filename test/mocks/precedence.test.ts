import { DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { bearer, send, setupMockDb } from './mockApi'

const mock = setupMockDb()

const { bobPaused, missing } = DEMO_SESSION_IDS
const json = { 'content-type': 'application/json' }

describe('checks run in order: 401, 400, 404 missing, 403 owner, 404 status', () => {
  it('answers 401 before 400 when an unknown token comes with a bad id', async () => {
    const answer = await send('/interviews/not-a-uuid/pause', { method: 'POST', headers: bearer('nobody') })
    expect([answer.status, answer.json]).toEqual([401, { error: 'Unauthorized' }])
  })

  it('answers 401 before 400 when a missing header comes with a bad body and a bad status query', async () => {
    const pause = await send(`/interviews/${missing}/pause`, { method: 'POST', headers: json, body: '[' })
    const list = await send('/interviews?status=nope')
    expect([pause.status, list.status]).toEqual([401, 401])
  })

  it('answers 400 before 404 when a known token comes with a bad id', async () => {
    const answer = await send('/interviews/12345/resume', { method: 'POST', headers: bearer() })
    expect([answer.status, answer.json]).toEqual([
      400,
      { error: 'Invalid request', details: 'sessionId must be a UUID' },
    ])
  })

  it('answers 400 before 404 when a missing session comes with a bad body', async () => {
    const answer = await send(`/interviews/${missing}/pause`, {
      method: 'POST',
      headers: { ...json, ...bearer() },
      body: '"x"',
    })
    expect([answer.status, answer.json]).toEqual([
      400,
      { error: 'Invalid request', details: 'body must be a JSON object' },
    ])
  })

  it('answers 403 before 404 when the session belongs to another user and is in the wrong status', async () => {
    // bob's session is paused: pausing it would be a 404 for bob, but alice is not its owner.
    const answer = await send(`/interviews/${bobPaused}/pause`, { method: 'POST', headers: bearer(DEMO_TOKENS.alice) })
    expect([answer.status, answer.json]).toEqual([403, { error: 'Forbidden' }])
  })

  it('answers 404 for a valid UUID that no session has, on every endpoint', async () => {
    const answers = await Promise.all([
      send(`/interviews/${missing}/pause`, { method: 'POST', headers: bearer() }),
      send(`/interviews/${missing}/resume`, { method: 'POST', headers: bearer() }),
      send(`/interviews/${missing}`, { headers: bearer() }),
    ])
    expect(answers.map(({ status, json: body }) => [status, body])).toEqual([
      [404, { error: 'Failed to pause interview' }],
      [404, { error: 'Failed to resume interview' }],
      [404, { error: 'Interview not found' }],
    ])
  })

  it('answers 404 for the owner when the status is wrong (the last check before success)', async () => {
    const answer = await send(`/interviews/${bobPaused}/pause`, { method: 'POST', headers: bearer(DEMO_TOKENS.bob) })
    expect([answer.status, answer.json]).toEqual([404, { error: 'Failed to pause interview' }])
    expect(mock.db.get(bobPaused)?.status).toBe('paused')
  })
})
