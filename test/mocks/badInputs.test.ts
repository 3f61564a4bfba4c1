import { DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { bearer, send, setupMockDb } from './mockApi'

const mock = setupMockDb()

const { active, paused, completed, unknownStatus, bobActive, bobPaused, missing } = DEMO_SESSION_IDS
const UNAUTHORIZED = { error: 'Unauthorized' }
const FORBIDDEN = { error: 'Forbidden' }
const PAUSE_FAILED = { error: 'Failed to pause interview' }
const RESUME_FAILED = { error: 'Failed to resume interview' }
const NOT_FOUND = { error: 'Interview not found' }
const invalid = (details: string) => ({ error: 'Invalid request', details })
const BAD_ID = invalid('sessionId must be a UUID')
const NOT_JSON = invalid('body must be valid JSON')
const NOT_OBJECT = invalid('body must be a JSON object')
const BAD_STATUS = invalid('status must be one of active, paused, completed')

interface Row {
  title: string
  method: 'GET' | 'POST'
  path: string
  /** Request headers; alice's bearer token unless given. */
  headers?: Record<string, string>
  body?: string
  status: number
  expected: unknown
}

const pause = (id: string) => `/interviews/${id}/pause`
const resume = (id: string) => `/interviews/${id}/resume`
const get = (id: string) => `/interviews/${id}`
const post = (title: string, path: string, status: number, expected: unknown, extra: Partial<Row> = {}): Row => ({
  title,
  method: 'POST',
  path,
  status,
  expected,
  ...extra,
})
const read = (title: string, path: string, status: number, expected: unknown, extra: Partial<Row> = {}): Row => ({
  title,
  method: 'GET',
  path,
  status,
  expected,
  ...extra,
})

const noDashes = active.replaceAll('-', '')
const json = { 'content-type': 'application/json', ...bearer() }

const rows: Row[] = [
  // Session ids
  post('pause with an empty id segment (/interviews//pause) is 400', '/interviews//pause', 400, BAD_ID),
  post('resume with an empty id segment is 400', '/interviews//resume', 400, BAD_ID),
  post('pause with a too-short id is 400', pause('1234'), 400, BAD_ID),
  read('get with a too-short id is 400', get('abc'), 400, BAD_ID),
  post('pause with non-hex digits in UUID layout is 400', pause('zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz'), 400, BAD_ID),
  post('resume with a "g" in an otherwise valid UUID is 400', resume(`g${paused.slice(1)}`), 400, BAD_ID),
  post(
    'pause accepts an upper-case UUID (hex is case-insensitive, RFC 4122) and finds bob’s session → 403',
    pause(bobActive.toUpperCase()),
    403,
    FORBIDDEN,
  ),
  read('get accepts a mixed-case UUID: a missing one is 404, not 400', get(mixedCase(missing)), 404, NOT_FOUND),
  post('pause with an encoded ../../etc/passwd id is 400', pause('..%2F..%2Fetc%2Fpasswd'), 400, BAD_ID),
  read('get with an encoded slash inside the id (%2F) is 400', get(`${active}%2Fpause`), 400, BAD_ID),
  post('resume with ..%2F before a valid id is 400', resume(`..%2F${paused}`), 400, BAD_ID),
  post(
    'a literal ../ is resolved by the URL parser before the server sees it: /interviews/../interviews/<missing>/pause is 404',
    `/interviews/../interviews/${missing}/pause`,
    404,
    PAUSE_FAILED,
  ),
  post('pause with a malformed escape in the id (%) is 400, not a 500', pause('%'), 400, BAD_ID),
  post('resume with a truncated UTF-8 escape in the id is 400', resume('%E0%A4%A'), 400, BAD_ID),
  read('get with a non-hex escape in the id (%ZZ) is 400', get('%ZZ'), 400, BAD_ID),
  post('pause with a malformed escape and no token is 401 (the token is checked first)', pause('%'), 401, UNAUTHORIZED, {
    headers: {},
  }),
  post('pause with a 5000-character id is 400', pause('a'.repeat(5000)), 400, BAD_ID),
  read('get with two UUIDs glued together is 400', get(`${active}${active}`), 400, BAD_ID),
  post('pause with a unicode (Hangul) id is 400', pause('세션'), 400, BAD_ID),
  read('get with full-width digits in UUID layout is 400', get('１２３４５６７８-１２３４-４１２３-８１２３-１２３４５６７８９０１２'), 400, BAD_ID),
  post('pause with a UUID without dashes is 400', pause(noDashes), 400, BAD_ID),
  read('get with a UUID without dashes is 400', get(noDashes), 400, BAD_ID),
  post('pause with an encoded trailing space after the UUID is 400', pause(`${active}%20`), 400, BAD_ID),
  read('get with an encoded leading space before the UUID is 400', get(`%20${active}`), 400, BAD_ID),
  post('pause with a braced UUID ({…}) is 400', pause(`%7B${active}%7D`), 400, BAD_ID),
  read('get with a urn:uuid: prefix is 400', get(`urn:uuid:${active}`), 400, BAD_ID),
  post('pause of a valid UUID no session has is 404 Failed to pause', pause(missing), 404, PAUSE_FAILED),
  post('resume of a valid UUID no session has is 404 Failed to resume', resume(missing), 404, RESUME_FAILED),
  read('get of a valid UUID no session has is 404 Interview not found', get(missing), 404, NOT_FOUND),

  // Tokens
  post('pause without an Authorization header is 401', pause(active), 401, UNAUTHORIZED, { headers: {} }),
  read('get without an Authorization header is 401', get(active), 401, UNAUTHORIZED, { headers: {} }),
  read('list without an Authorization header is 401', '/interviews', 401, UNAUTHORIZED, { headers: {} }),
  post('pause with the Basic scheme is 401', pause(active), 401, UNAUTHORIZED, {
    headers: { authorization: `Basic ${btoa('alice:secret')}` },
  }),
  post('resume with the Token scheme is 401', resume(paused), 401, UNAUTHORIZED, {
    headers: { authorization: `Token ${DEMO_TOKENS.alice}` },
  }),
  post('pause with "Bearer " and no token is 401', pause(active), 401, UNAUTHORIZED, {
    headers: { authorization: 'Bearer ' },
  }),
  read('list with the bare word Bearer is 401', '/interviews', 401, UNAUTHORIZED, { headers: { authorization: 'Bearer' } }),
  post('pause with an unknown token is 401', pause(active), 401, UNAUTHORIZED, { headers: bearer('not-a-known-token') }),
  post('pause with bob’s token on alice’s session is 403', pause(active), 403, FORBIDDEN, { headers: bearer(DEMO_TOKENS.bob) }),
  read('get with bob’s token on alice’s session is 403', get(paused), 403, FORBIDDEN, { headers: bearer(DEMO_TOKENS.bob) }),
  post('pause with two spaces after Bearer is 401', pause(active), 401, UNAUTHORIZED, {
    headers: { authorization: `Bearer  ${DEMO_TOKENS.alice}` },
  }),
  post('pause with junk after the token is 401', pause(active), 401, UNAUTHORIZED, {
    headers: { authorization: `Bearer ${DEMO_TOKENS.alice} extra` },
  }),
  post('pause with no space between Bearer and the token is 401', pause(active), 401, UNAUTHORIZED, {
    headers: { authorization: `Bearer${DEMO_TOKENS.alice}` },
  }),
  read('get with a tab instead of a space after Bearer is 401', get(active), 401, UNAUTHORIZED, {
    headers: { authorization: `Bearer\t${DEMO_TOKENS.alice}` },
  }),
  read('get with a quoted token is 401', get(active), 401, UNAUTHORIZED, {
    headers: { authorization: `Bearer "${DEMO_TOKENS.alice}"` },
  }),
  read('list with two comma-separated credentials is 401', '/interviews', 401, UNAUTHORIZED, {
    headers: { authorization: `Bearer ${DEMO_TOKENS.alice}, Bearer ${DEMO_TOKENS.bob}` },
  }),

  // Bodies (pause/resume); the body is parsed as JSON whatever the Content-Type says
  post('pause with malformed JSON ({) is 400', pause(active), 400, NOT_JSON, { headers: json, body: '{' }),
  post('resume with malformed JSON ({"a":}) is 400', resume(paused), 400, NOT_JSON, { headers: json, body: '{"a":}' }),
  post('pause with a no-break space (U+00A0) as the body is 400: not JSON whitespace', pause(active), 400, NOT_JSON, {
    headers: json,
    body: '\u00a0',
  }),
  post('resume with an ideographic space (U+3000) as the body is 400', resume(paused), 400, NOT_JSON, { headers: json, body: '\u3000' }),
  post('pause with a JSON array is 400', pause(active), 400, NOT_OBJECT, { headers: json, body: '[]' }),
  post('pause with a JSON string is 400', pause(active), 400, NOT_OBJECT, { headers: json, body: '"pause"' }),
  post('pause with a JSON number is 400', pause(active), 400, NOT_OBJECT, { headers: json, body: '42' }),
  post('pause with JSON null is 400', pause(active), 400, NOT_OBJECT, { headers: json, body: 'null' }),
  post('resume with JSON true is 400', resume(paused), 400, NOT_OBJECT, { headers: json, body: 'true' }),
  post('pause with a text/plain array body is 400: the Content-Type is not consulted', pause(active), 400, NOT_OBJECT, {
    headers: { 'content-type': 'text/plain', ...bearer() },
    body: '[1]',
  }),
  post('pause with a form-encoded body is 400 (not JSON)', pause(active), 400, NOT_JSON, {
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...bearer() },
    body: 'reason=break',
  }),
  post('pause with a blank body counts as no body: a completed session is then 404', pause(completed), 404, PAUSE_FAILED, {
    headers: json,
    body: '  \n',
  }),

  // Status query (list)
  read('list with an unknown status is 400', '/interviews?status=unknown', 400, BAD_STATUS),
  read('list with status given twice is 400', '/interviews?status=active&status=paused', 400, invalid('status must be given at most once')),
  read('list with the same status given twice is 400', '/interviews?status=active&status=active', 400, invalid('status must be given at most once')),
  read('list with an empty status (?status=) is 400', '/interviews?status=', 400, BAD_STATUS),
  read('list with a bare ?status is 400', '/interviews?status', 400, BAD_STATUS),
  read('list with upper-case ACTIVE is 400: statuses match case-sensitively', '/interviews?status=ACTIVE', 400, BAD_STATUS),
  read('list with status=archived is 400: only known statuses filter', '/interviews?status=archived', 400, BAD_STATUS),
  read('list with a space-padded status is 400', '/interviews?status=%20active', 400, BAD_STATUS),

  // Wrong status for the action, and other users
  post('pause of a paused session is 404 Failed to pause', pause(paused), 404, PAUSE_FAILED),
  post('pause of a completed session is 404 Failed to pause', pause(completed), 404, PAUSE_FAILED),
  post('pause of an "archived" session is 404 Failed to pause', pause(unknownStatus), 404, PAUSE_FAILED),
  post('resume of an active session is 404 Failed to resume', resume(active), 404, RESUME_FAILED),
  post('resume of an "archived" session is 404 Failed to resume', resume(unknownStatus), 404, RESUME_FAILED),
  post('resume of bob’s paused session by alice is 403', resume(bobPaused), 403, FORBIDDEN),
]

describe('the mock server rejects bad input and changes nothing', () => {
  it('has a catalogue of at least 45 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(45)
  })

  it.each(rows)('$title', async ({ method, path, headers = bearer(), body, status, expected }) => {
    const before = mock.db.list()
    const answer = await send(path, { method, headers, body })

    expect(answer.status).toBe(status)
    expect(answer.json).toEqual(expected)
    expect(answer.contentType).toBe('application/json')
    expect(mock.db.list()).toEqual(before)
  })
})

function mixedCase(id: string): string {
  return [...id].map((char, index) => (index % 2 === 0 ? char.toUpperCase() : char)).join('')
}
