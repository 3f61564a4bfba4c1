import { combineSlices, configureStore, createDynamicMiddleware } from '@reduxjs/toolkit'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  createInterviewApi,
  InterviewKitProvider,
  PauseButton,
  SessionStatus,
  useInterviewSession,
  useInterviewSessions,
} from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { StrictMode, type ReactNode } from 'react'
import { Provider } from 'react-redux'
import { describe, expect, it, vi } from 'vitest'
import { BASE_URL, hold, setupMockServer } from '../support/apiHarness'
import { renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const detailGets = () => mock.log.filter((request) => request.method === 'GET' && request.path.endsWith(`/interviews/${ID}`))

/** Records every status the hook showed for the session, render by render. */
function StatusLog({ sessionId, log }: { sessionId: string; log: string[] }) {
  const { status, isLoading } = useInterviewSession(sessionId)
  log.push(isLoading ? 'loading' : (status ?? 'none'))
  return null
}

function ActiveList() {
  const { sessions } = useInterviewSessions({ status: 'active' })
  return (
    <ul aria-label="Active interviews">
      {sessions?.map((session) => (
        <li key={session.id}>{session.title}</li>
      ))}
    </ul>
  )
}

describe('a session held only by a status-filtered list', () => {
  it('shows the pause at once, never "Loading…", and sends no detail request, when paused and resumed', async () => {
    const log: string[] = []
    const user = userEvent.setup()
    function Page({ header }: { header: boolean }) {
      return (
        <>
          <ActiveList />
          {header && (
            <header>
              <SessionStatus sessionId={ID} /> <PauseButton sessionId={ID} />
              <StatusLog sessionId={ID} log={log} />
            </header>
          )}
        </>
      )
    }
    const kit = renderWithKit(mock, <Page header={false} />)
    await screen.findByText(kit.db.get(ID)?.title ?? '')
    // The badge and the button appear once the list holds the session (a row, or a header showing it).
    kit.rerender(
      <Provider store={kit.store}>
        <InterviewKitProvider api={kit.api}>
          <Page header />
        </InterviewKitProvider>
      </Provider>,
    )
    await screen.findByRole('button', { name: 'Pause interview' })
    await kit.settle()
    expect(log).not.toContain('loading')
    expect(detailGets()).toHaveLength(0)

    const held = hold('pause', ID)
    kit.scenarios.push(held.rule)
    await user.click(screen.getByRole('button', { name: 'Pause interview' }))
    // Shown while the answer is still held by the server.
    await waitFor(() => expect(screen.getAllByRole('status')[0]).toHaveTextContent('Paused'))
    await act(async () => {
      held.open()
      await kit.settle()
    })
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Paused')

    // Resumed from somewhere else in the app: straight through the store.
    await act(async () => {
      await kit.store.dispatch(kit.api.endpoints.resumeInterview.initiate(ID))
      await kit.settle()
    })
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('Active')
    expect(log).not.toContain('loading')
    expect(log).toContain('paused')
    expect(log.at(-1)).toBe('active')
    expect(detailGets()).toHaveLength(0)
  })
})

describe('two copies with the same updatedAt', () => {
  it('show the one fetched later, in the hooks and in every cache entry, and refetch() brings the next one', async () => {
    const kit = renderWithKit(mock, null)
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <Provider store={kit.store}>
        <InterviewKitProvider api={kit.api}>{children}</InterviewKitProvider>
      </Provider>
    )
    const list = kit.store.dispatch(kit.api.endpoints.listInterviews.initiate({ status: 'active' }))
    await list
    const stamp = kit.db.get(ID)?.updatedAt
    // A server with one-second timestamps: the change keeps updatedAt.
    kit.db.update(ID, { status: 'paused', updatedAt: stamp })
    const { result } = renderHook(() => useInterviewSession(ID), { wrapper })
    expect(result.current.status).toBe('active')
    await act(async () => {
      await kit.store.dispatch(kit.api.endpoints.getInterview.initiate(ID, { subscribe: false, forceRefetch: true }))
    })
    await waitFor(() => expect(result.current.status).toBe('paused'))
    expect(kit.list('active')?.some((session) => session.id === ID)).toBe(false)

    kit.db.update(ID, { status: 'active', updatedAt: stamp })
    await act(async () => {
      result.current.refetch()
      await kit.settle()
    })
    await waitFor(() => expect(result.current.status).toBe('active'))
    expect(kit.detail(ID)?.status).toBe('active')
    expect(kit.list('active')?.find((session) => session.id === ID)).toEqual(kit.db.get(ID))
    list.unsubscribe()
  })

  it('keep refetch() the same function across renders', async () => {
    const kit = renderWithKit(mock, null)
    const wrapper = ({ children }: { children?: ReactNode }) => (
      <Provider store={kit.store}>
        <InterviewKitProvider api={kit.api}>{children}</InterviewKitProvider>
      </Provider>
    )
    const { result, rerender } = renderHook(() => useInterviewSession(ID), { wrapper })
    const first = result.current.refetch
    await waitFor(() => expect(result.current.status).toBe('active'))
    rerender()
    expect(result.current.refetch).toBe(first)
  })
})

describe('lazy injection', () => {
  it('mounts InterviewKitProvider after combineSlices().inject(api) without dispatching during render', async () => {
    mock.server.resetHandlers(...createInterviewHandlers({ db: createInterviewDb(), baseUrl: BASE_URL }))
    const consoleError = vi.spyOn(console, 'error')
    const api = createInterviewApi({ baseUrl: BASE_URL, getAccessToken: () => DEMO_TOKENS.alice })
    const rootReducer = combineSlices({ host: (state: number = 0) => state })
    const dynamic = createDynamicMiddleware()
    const store = configureStore({ reducer: rootReducer, middleware: (gDM) => gDM().prepend(dynamic.middleware) })
    rootReducer.inject(api)
    dynamic.addMiddleware(api.middleware)
    function HostStatus() {
      // A host component reading the store, as any react-redux app has.
      return <SessionStatus sessionId={ID} />
    }
    render(
      <StrictMode>
        <Provider store={store}>
          <InterviewKitProvider api={api}>
            <HostStatus />
            <PauseButton sessionId={ID} />
          </InterviewKitProvider>
        </Provider>
      </StrictMode>,
    )
    await screen.findByRole('button', { name: 'Pause interview' })
    expect(screen.getByRole('status')).toHaveTextContent('Active')
    const warnings = consoleError.mock.calls.map((call) => String(call[0]))
    expect(warnings.filter((message) => /Cannot update a component|while rendering/.test(message))).toEqual([])
    consoleError.mockRestore()
  })
})
