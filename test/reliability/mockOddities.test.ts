import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS, type InterviewDb } from 'interview-session-kit/mocks'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { BASE_URL, setupMockServer } from '../support/apiHarness'

// Method and content-type oddities the mock server's catalogue (test/mocks/badInputs.test.ts, successPaths.test.ts)
// does not cover yet. Already covered there: PUT and DELETE on /pause, POST on a session, text/plain with {},
// a text/plain array, a form-encoded body.
const mock = setupMockServer()
const { active, paused } = DEMO_SESSION_IDS
const auth = { authorization: `Bearer ${DEMO_TOKENS.alice}` }
let db: InterviewDb

beforeEach(() => {
  db = createInterviewDb()
  mock.server.resetHandlers(...createInterviewHandlers({ db, baseUrl: BASE_URL }))
})

describe('methods the mock server does not handle', () => {
  it.each([
    ['PATCH', `/interviews/${active}/pause`],
    ['PATCH', `/interviews/${paused}/resume`],
    ['GET', `/interviews/${active}/pause`],
    ['HEAD', `/interviews/${active}`],
    ['HEAD', '/interviews'],
    ['OPTIONS', `/interviews/${active}/pause`],
    ['DELETE', `/interviews/${active}`],
    ['PUT', '/interviews'],
  ])('leaves %s %s unhandled (reported by onUnhandledRequest) and changes nothing', async (method, path) => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const before = db.list()
    await expect(fetch(`${BASE_URL}${path}`, { method, headers: auth })).rejects.toThrow()
    expect(reported.mock.calls.flat().join('\n')).toContain(`${method} ${new URL(BASE_URL).pathname}${path}`)
    expect(db.list()).toEqual(before)
    reported.mockRestore()
  })
})

describe('content types and bodies', () => {
  async function pause(headers: Record<string, string>, body: BodyInit) {
    const response = await fetch(`${BASE_URL}/interviews/${active}/pause`, { method: 'POST', headers: { ...auth, ...headers }, body })
    return { status: response.status, contentType: response.headers.get('content-type'), json: (await response.json()) as unknown }
  }

  it('accepts {} sent as application/json; charset=utf-8', async () => {
    const answer = await pause({ 'content-type': 'application/json; charset=utf-8' }, '{}')
    expect(answer).toMatchObject({ status: 200, contentType: 'application/json', json: { id: active, status: 'paused' } })
    expect(db.get(active)?.status).toBe('paused')
  })

  it('accepts {} sent with an upper-case, parameterised APPLICATION/JSON type', async () => {
    const answer = await pause({ 'content-type': 'APPLICATION/JSON; Charset="UTF-8"' }, '{}')
    expect(answer.status).toBe(200)
  })

  it('accepts {} behind a UTF-8 byte-order mark: decoding the body as UTF-8 drops the mark, as a real server does', async () => {
    const answer = await pause({ 'content-type': 'application/json' }, '\uFEFF{}')
    expect(answer.status).toBe(200)
  })

  it.each([
    ['a multipart form', () => ({ headers: {}, body: formData() }), 'body must be valid JSON'],
    ['two JSON objects one after the other', () => ({ headers: { 'content-type': 'application/json' }, body: '{}{}' }), 'body must be valid JSON'],
    ['binary bytes', () => ({ headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array([0, 159, 146, 150]) }), 'body must be valid JSON'],
  ] as const)('refuses %s with a 400 and changes nothing', async (_name, make, details) => {
    const before = db.list()
    const { headers, body } = make()
    const answer = await pause(headers, body)
    expect(answer).toEqual({ status: 400, contentType: 'application/json', json: { error: 'Invalid request', details } })
    expect(db.list()).toEqual(before)
  })
})

function formData(): FormData {
  const form = new FormData()
  form.set('reason', 'break')
  return form
}
