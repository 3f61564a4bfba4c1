import { renderHook, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  en,
  InteractionGate,
  InterviewControls,
  InterviewKitProvider,
  isInterviewApiError,
  SessionError,
  SessionStatus,
  useInterviewControls,
  useInterviewSession,
  useInterviewSessions,
  type InterviewApiError,
  type InterviewApiErrorKind,
} from 'interview-session-kit'
import { DEMO_SESSION_IDS, DEMO_USERS, demoSeed, type MockSessionRecord } from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { Provider } from 'react-redux'
import { describe, expect, it, vi } from 'vitest'
import { BASE_URL, createHarness, setupMockServer } from '../support/apiHarness'
import { renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

describe('invalid session ids, client side', () => {
  const badIds = [
    ['not a UUID', 'not-a-uuid'],
    ['a path escape', '../x'],
    ['empty', ''],
    ['very long', 'a'.repeat(10_000)],
    ['a UUID with a path after it', `${ID}/../../admin`],
  ] as const

  it.each(badIds)('sends nothing for an id that is %s, and every component says the link is invalid', async (_name, badId) => {
    const { api, store } = renderWithKit(
      mock,
      <main>
        <SessionStatus sessionId={badId} />
        <InteractionGate sessionId={badId} aria-label="Answer" />
        <InterviewControls sessionId={badId} />
      </main>,
    )
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('This interview link is invalid.'))
    expect(screen.getByRole('alert')).toHaveAttribute('data-kind', 'invalid')
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(en.statusUnavailable)
    expect(screen.getAllByRole('status')[0]).toHaveAttribute('data-state', 'error')
    expect(screen.getByRole('group', { name: 'Answer' })).toHaveAttribute('data-state', 'error')
    expect(screen.queryByRole('button', { name: 'Pause interview' })).toBeNull()

    const wrapper = ({ children }: { children?: ReactNode }) => (
      <Provider store={store}>
        <InterviewKitProvider api={api}>{children}</InterviewKitProvider>
      </Provider>
    )
    const { result } = renderHook(() => useInterviewControls(badId), { wrapper })
    const paused = await result.current.pause()
    const resumed = await result.current.resume()
    for (const outcome of [paused, resumed]) {
      expect(outcome.error).toEqual({ kind: 'invalid', reason: 'invalidSessionId', error: 'Invalid request', details: 'sessionId must be a UUID' })
    }
    const read = await store.dispatch(api.endpoints.getInterview.initiate(badId, { subscribe: false }))
    expect(read.error).toMatchObject({ kind: 'invalid' })
    expect(mock.log).toEqual([])
  })
})

type Answer = () => Response

// Malformed answers a real deployment can produce. Each maps to one error kind; none may crash or touch the cache.
const READ_ANSWERS: [name: string, answer: Answer, kind: InterviewApiErrorKind, status: number][] = [
  ['a body that is not JSON', () => new HttpResponse('{"id": "a170b338', { status: 200, headers: { 'Content-Type': 'application/json' } }), 'invalidResponse', 200],
  ['JSON of the wrong shape', () => HttpResponse.json({ data: { sessions: [] } }), 'invalidResponse', 200],
  ['JSON null', () => HttpResponse.json(null), 'invalidResponse', 200],
  ['a session missing fields', () => HttpResponse.json({ id: ID, status: 'active' }), 'invalidResponse', 200],
  ['a session whose status and updatedAt are of the wrong type', () => HttpResponse.json({ ...demoSession(), status: 3, updatedAt: true }), 'invalidResponse', 200],
  ['another session than the one asked for', () => HttpResponse.json({ ...demoSession(), id: DEMO_SESSION_IDS.active2 }), 'invalidResponse', 200],
  ['a 200 with an empty body', () => new HttpResponse(null, { status: 200 }), 'invalidResponse', 200],
  [
    'an HTML error page from a proxy (502)',
    () => new HttpResponse('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    'server',
    502,
  ],
  ['a 503 with a plain-text body', () => new HttpResponse('upstream connect error', { status: 503, headers: { 'Content-Type': 'text/plain' } }), 'server', 503],
  ['a 500 with JSON that is not an error object', () => HttpResponse.json(['boom'], { status: 500 }), 'server', 500],
]

function demoSession(id: string = ID) {
  const record = demoSeed.sessions?.find((session) => session.id === id)
  if (!record) throw new Error(`no demo session ${id}`)
  const { ownerId: _ownerId, ...session } = record
  return structuredClone(session)
}

function expectClearError(error: unknown, kind: InterviewApiErrorKind, status: number) {
  expect(isInterviewApiError(error)).toBe(true)
  expect(error).toMatchObject({ kind, status })
  const value = error as InterviewApiError
  if (value.kind === 'invalidResponse') {
    expect(value.issues.length).toBeGreaterThan(0)
    expect(value.details).toEqual(expect.any(String))
  } else {
    // A body that is not an `{ error }` object lends the error no strings.
    expect(value).toEqual({ kind, status })
  }
}

describe('malformed answers to reads', () => {
  it.each(READ_ANSWERS)('turns %s from GET /interviews/:id into a clear error and keeps the cached session', async (_name, answer, kind, status) => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const before = h.detail(ID)
    mock.server.use(http.get(`${BASE_URL}/interviews/:id`, answer, { once: true }))
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expectClearError(result.error, kind, status)
    expect(h.detail(ID)).toBe(before)
    const again = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expect(again.data).toEqual(h.db.get(ID))
  })

  it.each(READ_ANSWERS.filter(([name]) => !name.startsWith('another')))(
    'turns %s from GET /interviews into a clear error and keeps the cached list',
    async (_name, answer, kind, status) => {
      const h = createHarness(mock)
      await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
      const before = h.list('active')
      mock.server.use(http.get(`${BASE_URL}/interviews`, answer, { once: true }))
      const result = await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }, { forceRefetch: true }))
      expectClearError(result.error, kind, status)
      expect(h.list('active')).toBe(before)
    },
  )

  it('rejects a list holding one malformed session as a whole, not partly', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    const before = h.list()
    mock.server.use(http.get(`${BASE_URL}/interviews`, () => HttpResponse.json([demoSession(), { id: ID }]), { once: true }))
    const result = await h.store.dispatch(h.api.endpoints.listInterviews.initiate(undefined, { forceRefetch: true }))
    expect(result.error).toMatchObject({ kind: 'invalidResponse', status: 200 })
    const { issues } = result.error as { issues: string[] }
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.every((issue) => issue.startsWith('1.'))).toBe(true)
    expect(h.list()).toBe(before)
  })

  it('shows a failed first load and loads on Retry once the server answers properly', async () => {
    const user = userEvent.setup()
    renderWithKit(
      mock,
      <main>
        <SessionStatus sessionId={ID} />
        <InterviewControls sessionId={ID} />
      </main>,
    )
    // renderWithKit installs the mock server's handlers; the first load has not reached them yet (it is a few
    // promise turns away), so this override, added in the same synchronous turn, answers it.
    mock.server.use(
      http.get(
        `${BASE_URL}/interviews/:id`,
        () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
        { once: true },
      ),
    )
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(en.errorServer))
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(en.statusUnavailable)
    await user.click(screen.getByRole('button', { name: en.retry }))
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(en.statusActive))
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
  })
})

// Answers to POST /interviews/:id/pause. The 2xx ones did not pause in the db: the revalidation shows the truth.
const PAUSE_ANSWERS: [name: string, answer: Answer, kind: InterviewApiErrorKind, message: string][] = [
  ['a body that is not JSON', () => new HttpResponse('OK', { status: 200, headers: { 'Content-Type': 'text/plain' } }), 'invalidResponse', en.errorInvalidResponse],
  ['JSON of the wrong shape', () => HttpResponse.json({ ok: true }), 'invalidResponse', en.errorInvalidResponse],
  ['a session missing fields', () => HttpResponse.json({ id: ID, status: 'paused' }), 'invalidResponse', en.errorInvalidResponse],
  ['an unknown status in the answer', () => HttpResponse.json({ ...demoSession(), status: 'archived' }), 'invalidResponse', en.errorInvalidResponse],
  ['a status other than paused', () => HttpResponse.json({ ...demoSession(), status: 'active' }), 'invalidResponse', en.errorInvalidResponse],
  ['a 200 with an empty body', () => new HttpResponse(null, { status: 200 }), 'invalidResponse', en.errorInvalidResponse],
  [
    'an HTML error page from a proxy (502)',
    () => new HttpResponse('<html><body><script>alert(1)</script>Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    'server',
    en.errorServer,
  ],
  ['a 500 with a non-JSON body', () => new HttpResponse('Internal Server Error', { status: 500 }), 'server', en.errorServer],
]

describe('malformed answers to a pause, in the UI', () => {
  it.each(PAUSE_ANSWERS)('shows the error for %s, lands on the server truth, and a later pause works', async (_name, answer, kind, message) => {
    const user = userEvent.setup()
    const onError = vi.fn()
    const { db, api, store } = renderWithKit(
      mock,
      <main>
        <SessionStatus sessionId={ID} />
        <InterviewControls sessionId={ID} onError={onError} />
      </main>,
    )
    await screen.findByText(en.statusActive)
    const good = db.get(ID)
    mock.server.use(http.post(`${BASE_URL}/interviews/:id/pause`, answer, { once: true }))

    await user.click(screen.getByRole('button', { name: en.pause }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message))
    expect(screen.getByRole('alert')).toHaveAttribute('data-kind', kind)
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    expect(isInterviewApiError(onError.mock.calls[0]?.[0])).toBe(true)
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ kind })
    // The db never paused: once revalidated, every cache holds the last good data again.
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent(en.statusActive))
    await waitFor(() => expect(api.endpoints.getInterview.select(ID)(store.getState()).data).toEqual(good))

    await user.click(await screen.findByRole('button', { name: en.pause }))
    await screen.findByText(en.paused)
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(en.statusPaused)
    expect(screen.getByRole('alert')).toBeEmptyDOMElement()
    expect(db.get(ID)?.status).toBe('paused')
  })
})

const HOSTILE = {
  title: '<script>window.injectedBy = "title"</script>Hostile title',
  notes: '<img src="x" onerror="window.injectedBy = \'notes\'">Hostile notes',
  label: '<b onmouseover="window.injectedBy = \'label\'">bold label</b>',
  message: '<iframe src="javascript:window.injectedBy = \'message\'"></iframe>Hostile message',
  status: '<img src=x onerror=alert(1)>',
}

const hostileSeed = () => {
  const base = demoSeed.sessions?.find((session) => session.id === ID)
  if (!base) throw new Error('no demo session')
  const session: MockSessionRecord = structuredClone({
    ...base,
    title: HOSTILE.title,
    notes: HOSTILE.notes,
    labels: [HOSTILE.label],
    topicLabels: [HOSTILE.label],
    recentMessages: (base.recentMessages ?? []).slice(0, 1).map((message) => ({ ...message, output: { text: HOSTILE.message } })),
  })
  const odd: MockSessionRecord = { ...structuredClone(base), id: DEMO_SESSION_IDS.active2, status: HOSTILE.status }
  return { users: [DEMO_USERS.alice], sessions: [session, odd] }
}

function textOf(output: unknown): string {
  return typeof output === 'object' && output !== null && typeof (output as { text?: unknown }).text === 'string'
    ? (output as { text: string }).text
    : ''
}

function SessionView({ sessionId }: { sessionId: string }) {
  const { session } = useInterviewSession(sessionId)
  if (!session) return null
  return (
    <article aria-label="Session">
      <h1>{session.title}</h1>
      <p>{session.notes}</p>
      <ul aria-label="Labels">
        {session.labels?.map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
      <ol aria-label="Messages">
        {session.recentMessages?.map((message) => (
          <li key={message.id}>{textOf(message.output)}</li>
        ))}
      </ol>
      <SessionStatus sessionId={sessionId} />
    </article>
  )
}

function ListView() {
  const { sessions } = useInterviewSessions()
  return (
    <ul aria-label="Sessions">
      {sessions?.map((session) => (
        <li key={session.id}>
          {session.title} <SessionStatus sessionId={session.id} />
        </li>
      ))}
    </ul>
  )
}

describe('HTML in session content', () => {
  it('renders titles, notes, labels, messages and unknown statuses as text, never as elements', async () => {
    const { container } = renderWithKit(
      mock,
      <>
        <SessionView sessionId={ID} />
        <ListView />
        <SessionError sessionId={ID} />
      </>,
      { seed: hostileSeed() },
    )
    const article = within(await screen.findByRole('article', { name: 'Session' }))
    expect(article.getByRole('heading', { level: 1 })).toHaveTextContent(HOSTILE.title)
    expect(article.getByText(HOSTILE.notes)).toBeVisible()
    expect(within(article.getByRole('list', { name: 'Labels' })).getByRole('listitem')).toHaveTextContent(HOSTILE.label)
    expect(within(article.getByRole('list', { name: 'Messages' })).getByRole('listitem')).toHaveTextContent(HOSTILE.message)
    const list = within(screen.getByRole('list', { name: 'Sessions' }))
    await waitFor(() => expect(list.getAllByRole('listitem')).toHaveLength(2))
    expect(list.getByText(HOSTILE.status)).toHaveAttribute('data-state', 'unknown')
    expect(list.getByText(HOSTILE.title, { exact: false })).toBeVisible()

    expect(container.querySelectorAll('script, img, iframe, b')).toHaveLength(0)
    expect((window as unknown as { injectedBy?: string }).injectedBy).toBeUndefined()
  })
})
