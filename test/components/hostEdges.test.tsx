import { act, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { combineSlices, configureStore } from '@reduxjs/toolkit'
import { createApi, fetchBaseQuery } from '@reduxjs/toolkit/query/react'
import {
  createInterviewApi,
  InterviewKitProvider,
  PauseButton,
  ResumeButton,
  SessionStatus,
} from 'interview-session-kit'
import { DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import { Provider } from 'react-redux'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE_URL, createHarness, setupMockServer } from '../support/apiHarness'
import { renderWithKit } from '../support/renderWithKit'

// How the buttons behave in a host app: its own attributes, its own callbacks, its own apis in the store.
const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

afterEach(() => {
  vi.restoreAllMocks()
})

/** The three components the seed names, and nothing else. */
function Alone({ onPaused }: { onPaused?: () => void }) {
  return (
    <main>
      <SessionStatus sessionId={ID} />
      <div>
        <PauseButton sessionId={ID} onPaused={onPaused} />
        <ResumeButton sessionId={ID} />
      </div>
    </main>
  )
}

describe('a host app’s buttons', () => {
  it('do nothing when the host marks them aria-disabled', async () => {
    const user = userEvent.setup()
    const { db, settle, posts } = renderWithKit(mock, <PauseButton sessionId={ID} aria-disabled />)
    const button = await screen.findByRole('button', { name: 'Pause interview' })
    expect(button).toHaveAttribute('aria-disabled', 'true')
    await user.click(button)
    await settle()
    expect(posts()).toHaveLength(0)
    expect(db.get(ID)?.status).toBe('active')
  })

  it('report an onPaused that throws with console.error, and the pause still shows', async () => {
    const user = userEvent.setup()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => void rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      const thrown = new Error('router not ready')
      const { db, settle } = renderWithKit(
        mock,
        <Alone
          onPaused={() => {
            throw thrown
          }}
        />,
      )
      await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
      await screen.findByRole('button', { name: 'Resume interview' })
      await settle()
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(db.get(ID)?.status).toBe('paused')
      expect(screen.getByRole('status')).toHaveTextContent('Paused')
      expect(errors).toHaveBeenCalledWith('interview-session-kit: onPaused threw.', thrown)
      expect(rejections).toEqual([])
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })

  it('hand focus to Resume when a pause refused with 404 (paused elsewhere) is followed by the read that shows it', async () => {
    const user = userEvent.setup()
    const { db, settle } = renderWithKit(mock, <Alone />, { feedback: false })
    const pause = await screen.findByRole('button', { name: 'Pause interview' })
    // Another device pauses it first.
    db.update(ID, { status: 'paused' })
    act(() => pause.focus())
    await user.keyboard('{Enter}')
    const resume = await screen.findByRole('button', { name: 'Resume interview' })
    await settle()
    expect(document.activeElement).toBe(resume)
  })
})

describe('a host app’s store', () => {
  it('keeps its own api’s focus behaviour: the provider reads only the kit’s entries again on focus', async () => {
    const h = createHarness(mock)
    let meCalls = 0
    mock.server.use(
      http.get(`${BASE_URL}/me`, () => {
        meCalls += 1
        return HttpResponse.json({ name: 'Alice' })
      }),
    )
    // The host's api asks for refetchOnFocus but never calls setupListeners: focus does nothing for it.
    const hostApi = createApi({
      reducerPath: 'hostApi',
      baseQuery: fetchBaseQuery({ baseUrl: BASE_URL }),
      refetchOnFocus: true,
      endpoints: (build) => ({ me: build.query<{ name: string }, void>({ query: () => 'me' }) }),
    })
    const interviewApi = createInterviewApi({ baseUrl: BASE_URL, getAccessToken: () => DEMO_TOKENS.alice, crossTab: false })
    const store = configureStore({
      reducer: combineSlices(hostApi, interviewApi),
      middleware: (getDefault) => getDefault().concat(hostApi.middleware, interviewApi.middleware),
    })
    function Me() {
      const { data } = hostApi.endpoints.me.useQuery()
      return <p>{data?.name}</p>
    }
    render(
      <Provider store={store}>
        <InterviewKitProvider api={interviewApi}>
          <Me />
          <SessionStatus sessionId={ID} />
        </InterviewKitProvider>
      </Provider>,
    )
    await screen.findByText('Alice')
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Active'))
    const sessionReads = () => mock.log.filter((request) => request.path === `/api/interviews/${ID}`).length
    const before = sessionReads()
    h.db.update(ID, { status: 'paused' })
    act(() => void window.dispatchEvent(new Event('focus')))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Paused'))
    expect(sessionReads()).toBe(before + 1)
    expect(meCalls).toBe(1)
  })
})
