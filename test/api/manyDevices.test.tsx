import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  InteractionGate,
  PauseButton,
  receiveSession,
  SessionStatus,
  useInterviewSessions,
  type InterviewSession,
} from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { afterEach, describe, expect, it } from 'vitest'
import { BASE_URL, createHarness, hold, setupMockServer } from '../support/apiHarness'
import { renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const gets = () => mock.log.filter((request) => request.method === 'GET')
/** The paths of the reads sent since `since` reads, sorted. */
const paths = (since: number) => gets().slice(since).map((request) => request.path).sort()

function Page() {
  const { sessions } = useInterviewSessions({ status: 'active' })
  return (
    <>
      <SessionStatus sessionId={ID} />
      <InteractionGate sessionId={ID} aria-label="Answer">
        <textarea aria-label="Your answer" />
      </InteractionGate>
      <PauseButton sessionId={ID} />
      <ul aria-label="Active">
        {sessions?.map((session) => (
          <li key={session.id}>{session.title}</li>
        ))}
      </ul>
    </>
  )
}

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online })
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

afterEach(() => {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => true })
})

describe('focus and reconnect', () => {
  it('read the mounted session and lists again when the window regains focus, at most once every few seconds', async () => {
    const kit = renderWithKit(mock, <Page />)
    await screen.findByRole('button', { name: 'Pause interview' })
    await kit.settle()
    const before = gets().length
    kit.db.update(ID, { status: 'paused' })
    act(() => void window.dispatchEvent(new Event('focus')))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Paused'))
    expect(screen.getByRole('group', { name: 'Answer' })).toBeDisabled()
    await kit.settle()
    const afterFirst = gets().length
    // The list, once; it no longer holds the paused session, so the session's own detail is read, once.
    expect(paths(before)).toEqual([`/api/interviews/${ID}`, '/api/interviews?status=active'])
    act(() => void window.dispatchEvent(new Event('focus')))
    await kit.settle()
    expect(gets().length).toBe(afterFirst)
  })

  it('read them again when the browser is back online', async () => {
    const kit = renderWithKit(mock, <Page />)
    await screen.findByRole('button', { name: 'Pause interview' })
    await kit.settle()
    const before = gets().length
    act(() => setOnline(false))
    act(() => setOnline(true))
    await waitFor(() => expect(gets().length).toBeGreaterThan(before))
    await kit.settle()
    // The mounted list, once; the session is read with it (the list holds it, so it has no detail entry of its own).
    expect(paths(before)).toEqual(['/api/interviews?status=active'])
  })

  it('never flip back a change in flight', async () => {
    const kit = renderWithKit(mock, <Page />)
    const user = userEvent.setup()
    await screen.findByRole('button', { name: 'Pause interview' })
    const held = hold('pause', ID)
    kit.scenarios.push(held.rule)
    await user.click(screen.getByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Paused'))
    const before = gets().length
    act(() => void window.dispatchEvent(new Event('focus')))
    // While the pause is held, the reads wait (RTK runs an invalidation once the running requests end): nothing the
    // server says before the change can show.
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(gets().length).toBe(before)
    expect(screen.getByRole('status')).toHaveTextContent('Paused')
    await act(async () => {
      held.open()
      await kit.settle()
    })
    // Then the session and the list are read once each.
    expect(paths(before)).toEqual([`/api/interviews/${ID}`, '/api/interviews?status=active'])
    expect(screen.getByRole('status')).toHaveTextContent('Paused')
  })

  it('stay off with revalidateOnFocus: false', async () => {
    const kit = renderWithKit(mock, <Page />, { api: { revalidateOnFocus: false } })
    await screen.findByRole('button', { name: 'Pause interview' })
    await kit.settle()
    const before = gets().length
    act(() => void window.dispatchEvent(new Event('focus')))
    await kit.settle()
    expect(gets().length).toBe(before)
  })
})

describe('receiveSession', () => {
  it('takes a pushed copy into every entry that holds or should hold it, and an older push changes nothing', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'paused' }))
    const older = h.db.get(ID) as InterviewSession
    const pushed = h.db.update(ID, { status: 'paused' }) as InterviewSession
    const result = h.store.dispatch(receiveSession(h.api, pushed))
    expect(result.data).toEqual(pushed)
    expect(h.detail(ID)).toEqual(pushed)
    expect(h.list('active')?.some((session) => session.id === ID)).toBe(false)
    expect(h.list('paused')?.[0]).toEqual(pushed)
    const stale = h.store.dispatch(receiveSession(h.api, older))
    expect(stale.data).toEqual(pushed)
    expect(h.detail(ID)).toEqual(pushed)
    expect(h.requests.filter((request) => request.method === 'POST')).toHaveLength(0)
  })

  it('is not undone by a read that started before the push and answers after it', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const held = hold('get', ID)
    h.scenarios.push(held.rule)
    const read = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    await new Promise((resolve) => setTimeout(resolve, 20))
    // The read reached the server (the session was active then); the push comes after, with the same timestamp.
    const pushed = { ...(h.db.get(ID) as InterviewSession), status: 'paused' }
    h.store.dispatch(receiveSession(h.api, pushed))
    held.open()
    await read
    expect(h.detail(ID)?.status).toBe('paused')
  })

  it('refuses what is not a session, changing nothing', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const before = h.store.getState()
    for (const junk of [null, 'paused', { id: ID }, { id: '../x', status: 'paused', updatedAt: '2030-01-01T00:00:00.000Z' }]) {
      expect(h.store.dispatch(receiveSession(h.api, junk)).error).toMatchObject({ kind: 'invalidResponse' })
    }
    expect(h.store.getState()).toBe(before)
  })
})

describe('offline', () => {
  it('fails a pause at once, says the user is offline, and offers Retry once the browser is back online', async () => {
    const user = userEvent.setup()
    const kit = renderWithKit(mock, <Page />)
    await screen.findByRole('button', { name: 'Pause interview' })
    const posts = () => kit.requests.filter((request) => request.method === 'POST').length
    act(() => setOnline(false))
    await user.click(screen.getByRole('button', { name: 'Pause interview' }))
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent('You are offline. Reconnect to the internet, then try again.'))
    expect(posts()).toBe(0)
    const retry = within(alert).getByRole('button', { name: 'Retry' })
    expect(retry).toHaveAttribute('aria-disabled', 'true')
    await user.click(retry)
    expect(posts()).toBe(0)
    act(() => setOnline(true))
    await waitFor(() => expect(within(alert).getByRole('button', { name: 'Retry' })).not.toHaveAttribute('aria-disabled'))
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await screen.findByText('Interview paused')
    expect(posts()).toBe(1)
  })
})

describe('the mock server’s events', () => {
  it('sends every change of the signed-in user’s sessions, a change on another device included, and nobody else’s', async () => {
    const db = createInterviewDb()
    mock.server.resetHandlers(...createInterviewHandlers({ db, baseUrl: BASE_URL, events: true }))
    const controller = new AbortController()
    const response = await fetch(`${BASE_URL}/interviews/events?access_token=${DEMO_TOKENS.alice}`, { signal: controller.signal })
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/)
    const reader = (response.body as ReadableStream<Uint8Array>).getReader()
    db.update(DEMO_SESSION_IDS.bobActive, { status: 'paused' })
    db.update(ID, { status: 'paused' })
    let text = ''
    while (!text.includes('event: session')) {
      const { value, done } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    controller.abort()
    while (!text.endsWith('\n\n')) {
      const { value, done } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    expect(text).toMatch(/^event: session$/m)
    const data = JSON.parse(/^data: (.*)$/m.exec(text)?.[1] ?? 'null') as InterviewSession
    expect(data).toEqual(db.get(ID))
    expect(text).not.toContain(DEMO_SESSION_IDS.bobActive)
  })
})
