// Every pause and resume ends with one message the user can see: never none, never two.
import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  InterviewControls,
  InterviewFeedback,
  InterviewKitProvider,
  PauseButton,
  ResumeButton,
  SessionNotice,
  SessionStatus,
  useInterviewControls,
  type InterviewApi,
  type InterviewStore,
} from 'interview-session-kit'
import { createHold } from 'interview-session-kit/mocks'
import { createTestInterviewKit, DEMO_SESSION_IDS, renderWithInterviewKit, setupInterviewServer } from 'interview-session-kit/testing'
import { useState, type ReactNode } from 'react'
import { Provider } from 'react-redux'
import { describe, expect, it } from 'vitest'

const server = setupInterviewServer()
const A = DEMO_SESSION_IDS.active
const B = DEMO_SESSION_IDS.active2
const SERVER_ERROR = 'The server could not complete the request. Please try again.'

/** A page a router reuses: the session it shows changes with the route. */
function ReusedPage({ children }: { children: (id: string) => ReactNode }) {
  const [id, setId] = useState<string>(A)
  return (
    <>
      {children(id)}
      <button type="button" onClick={() => setId(B)}>
        Open B
      </button>
    </>
  )
}

/** Pauses B from somewhere else on the screen, with no message part of its own. */
function PauseElsewhere({ id }: { id: string }) {
  const { pause } = useInterviewControls(id)
  return (
    <button type="button" onClick={() => void pause()}>
      Pause B elsewhere
    </button>
  )
}

describe('SessionNotice', () => {
  it('shows no old "Interview paused" when its session changes under it', async () => {
    const { user, settle, db } = renderWithInterviewKit(
      <ReusedPage>
        {(id) => (
          <>
            <SessionStatus sessionId={id} />
            <SessionNotice sessionId={id} data-testid="notice" />
            <PauseElsewhere id={B} />
          </>
        )}
      </ReusedPage>,
      { server },
    )
    await screen.findByText('Active')
    await user.click(screen.getByRole('button', { name: 'Pause B elsewhere' }))
    await act(() => settle())
    expect(db.get(B)?.status).toBe('paused')

    await user.click(screen.getByRole('button', { name: 'Open B' }))
    await screen.findByText('Paused')
    await act(() => settle())
    expect(screen.getByTestId('notice')).toHaveAttribute('data-state', 'idle')
    expect(screen.getByTestId('notice')).toBeEmptyDOMElement()
  })

  it('shows the success of a pause that was in flight when it mounted', async () => {
    const hold = createHold()
    function App() {
      const [detail, setDetail] = useState(false)
      return (
        <>
          {detail ? <InterviewControls sessionId={A} /> : <PauseButton sessionId={A} />}
          <button type="button" onClick={() => setDetail(true)}>
            Open details
          </button>
        </>
      )
    }
    const { user, handlers, settle } = renderWithInterviewKit(<App />, { server })
    handlers.scenarios.push({ endpoint: 'pause', times: 1, scenario: hold.scenario })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await user.click(screen.getByRole('button', { name: 'Open details' }))
    expect(within(screen.getByRole('group')).getByRole('button', { name: 'Pause interview' })).toHaveAttribute('data-pending')

    hold.release()
    expect(await screen.findByText('Interview paused')).toBeVisible()
    await act(() => settle())
    expect(screen.getAllByText('Interview paused')).toHaveLength(1)
  })
})

describe('a message shown by a part the host placed', () => {
  it('is not shown again by the provider once the part switches to another session (failure)', async () => {
    const { user, settle, handlers } = renderWithInterviewKit(<ReusedPage>{(id) => <InterviewControls sessionId={id} />}</ReusedPage>, {
      server,
    })
    handlers.scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(SERVER_ERROR))
    await act(() => settle())

    await user.click(screen.getByRole('button', { name: 'Open B' }))
    expect(await screen.findByRole('button', { name: 'Pause interview' })).toBeVisible()
    await act(() => settle())
    expect(screen.queryByText(SERVER_ERROR)).toBeNull()
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })

  it('is not shown again by the provider once the part switches to another session (success)', async () => {
    const { user, settle } = renderWithInterviewKit(<ReusedPage>{(id) => <InterviewControls sessionId={id} />}</ReusedPage>, { server })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    expect(await screen.findByText('Interview paused')).toBeVisible()
    await act(() => settle())

    await user.click(screen.getByRole('button', { name: 'Open B' }))
    await screen.findByRole('button', { name: 'Pause interview' })
    await act(() => settle())
    expect(screen.queryByText('Interview paused')).toBeNull()
  })

  it('is not shown again by the provider once the part unmounts', async () => {
    function App() {
      const [open, setOpen] = useState(true)
      return (
        <>
          {open && <InterviewControls sessionId={A} />}
          <button type="button" onClick={() => setOpen(false)}>
            Close details
          </button>
        </>
      )
    }
    const { user, settle, handlers } = renderWithInterviewKit(<App />, { server })
    handlers.scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(SERVER_ERROR))
    await act(() => settle())

    await user.click(screen.getByRole('button', { name: 'Close details' }))
    await act(() => settle())
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('the provider’s messages', () => {
  it('keep a dismissed failure dismissed however many outcomes follow', async () => {
    const { user, settle, handlers, store, api } = renderWithInterviewKit(
      <>
        <SessionStatus sessionId={A} />
        <SessionNotice sessionId={B} />
      </>,
      { server },
    )
    await screen.findByText('Active')
    handlers.scenarios.push({ endpoint: 'pause', sessionId: A, times: 1, scenario: { kind: 'serverError' } })
    await act(async () => void (await store.dispatch(api.endpoints.pauseInterview.initiate(A))))
    const alert = await screen.findByRole('alert')
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }))
    // Many outcomes of another session afterwards.
    for (let round = 0; round < 260; round += 1) {
      await act(async () => void (await store.dispatch(api.endpoints.pauseInterview.initiate(B))))
      await act(async () => void (await store.dispatch(api.endpoints.resumeInterview.initiate(B))))
    }
    await act(() => settle())
    expect(screen.queryByText(SERVER_ERROR)).toBeNull()
  }, 120_000)

  it('each go once its own time is up, whatever follows', async () => {
    const { user } = renderWithInterviewKit(
      <>
        <div data-testid="a">
          <PauseButton sessionId={A} />
        </div>
        <div data-testid="b">
          <PauseButton sessionId={B} />
        </div>
        <InterviewFeedback successTimeoutMs={600} />
      </>,
      { server, feedback: false },
    )
    await user.click(await within(screen.getByTestId('a')).findByRole('button', { name: 'Pause interview' }))
    await screen.findByText('Interview paused')
    const shownAt = Date.now()
    await new Promise((resolve) => setTimeout(resolve, 400))
    await user.click(await within(screen.getByTestId('b')).findByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(screen.getAllByText('Interview paused')).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, shownAt + 850 - Date.now())))
    expect(screen.getAllByText('Interview paused')).toHaveLength(1)
  })

  it('keep a success on screen when a part for that session mounts right after it', async () => {
    function App() {
      const [route, setRoute] = useState<'detail' | 'list'>('detail')
      return route === 'detail' ? (
        <section>
          <SessionStatus sessionId={A} />
          <PauseButton sessionId={A} onPaused={() => setRoute('list')} />
        </section>
      ) : (
        <ul>
          <li>
            <InterviewControls sessionId={A} />
          </li>
        </ul>
      )
    }
    const { user, settle } = renderWithInterviewKit(<App />, { server })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await screen.findByRole('group')
    await act(() => settle())
    expect(screen.queryAllByText('Interview paused')).toHaveLength(1)
  })
})

describe('two providers on one store', () => {
  function islandsOf(kit: { store: InterviewStore; api: InterviewApi }) {
    return function Island({ children }: { children: ReactNode }) {
      return (
        <Provider store={kit.store}>
          <InterviewKitProvider api={kit.api}>{children}</InterviewKitProvider>
        </Provider>
      )
    }
  }

  it('show one alert for one failure across two React roots', async () => {
    const kit = createTestInterviewKit({ scenarios: [{ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } }] })
    server.use(...kit.handlers)
    const Island = islandsOf(kit)
    const user = userEvent.setup()
    render(
      <Island>
        <SessionStatus sessionId={A} />
      </Island>,
    )
    render(
      <Island>
        <PauseButton sessionId={A} />
        <ResumeButton sessionId={A} />
      </Island>,
    )
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(SERVER_ERROR))
    await act(() => kit.settle())
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })

  it('show one success message with nested providers, and the next one takes over when the first leaves', async () => {
    const kit = createTestInterviewKit({ scenarios: [{ endpoint: 'resume', times: 1, scenario: { kind: 'serverError' } }] })
    server.use(...kit.handlers)
    const Island = islandsOf(kit)
    function App() {
      const [inner, setInner] = useState(true)
      return (
        <Island>
          {inner && (
            <Island>
              <SessionStatus sessionId={A} />
            </Island>
          )}
          <PauseButton sessionId={A} />
          <ResumeButton sessionId={A} />
          <button type="button" onClick={() => setInner(false)}>
            Close inner
          </button>
        </Island>
      )
    }
    const user = userEvent.setup()
    render(<App />)
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    expect(await screen.findByText('Interview paused')).toBeVisible()
    await act(() => kit.settle())
    expect(screen.getAllByText('Interview paused')).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Close inner' }))
    await user.click(screen.getByRole('button', { name: 'Resume interview' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(SERVER_ERROR))
    await act(() => kit.settle())
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })

  it('leave the outcomes to the InterviewFeedback a host placed itself (feedback={false}), with a nested provider', async () => {
    const kit = createTestInterviewKit({ scenarios: [{ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } }] })
    server.use(...kit.handlers)
    const Island = islandsOf(kit)
    const user = userEvent.setup()
    render(
      <Provider store={kit.store}>
        <InterviewKitProvider api={kit.api} feedback={false}>
          <Island>
            <SessionStatus sessionId={A} />
          </Island>
          <PauseButton sessionId={A} />
          <aside aria-label="Messages">
            <InterviewFeedback />
          </aside>
        </InterviewKitProvider>
      </Provider>,
    )
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    const aside = screen.getByRole('complementary', { name: 'Messages' })
    await waitFor(() => expect(within(aside).getByRole('alert')).toHaveTextContent(SERVER_ERROR))
    await act(() => kit.settle())
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })
})
