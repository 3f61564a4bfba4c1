import { configureStore } from '@reduxjs/toolkit'
import { render, renderHook, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  createInterviewApi,
  InterviewKitProvider,
  PauseButton,
  SessionError,
  SessionNotice,
  SessionStatus,
  useInterviewControls,
  useInterviewKit,
  useInterviewSessions,
} from 'interview-session-kit'
import { ja } from 'interview-session-kit/locales/ja'
import { ko } from 'interview-session-kit/locales/ko'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { memo, Profiler, useState } from 'react'
import { Provider } from 'react-redux'
import { describe, expect, it } from 'vitest'
import { createHarness, hold, setupMockServer } from '../support/apiHarness'
import { expectNoAxeViolations, renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

function Lists() {
  return (
    <>
      {(['active', 'paused'] as const).map((status) => (
        <List key={status} status={status} />
      ))}
    </>
  )
}

function List({ status }: { status: 'active' | 'paused' }) {
  const { sessions, isLoading } = useInterviewSessions({ status })
  return (
    <section aria-label={`${status} sessions`} aria-busy={isLoading}>
      <ul>
        {sessions?.map((session) => (
          <li key={session.id}>
            {session.title} <SessionStatus sessionId={session.id} />
          </li>
        ))}
      </ul>
    </section>
  )
}

describe('useInterviewSessions', () => {
  it('moves a session between filtered lists the moment it is paused, then settles', async () => {
    const user = userEvent.setup()
    const { db, scenarios } = renderWithKit(
      mock,
      <>
        <Lists />
        <PauseButton sessionId={ID} />
      </>,
    )
    const title = db.get(ID)?.title ?? ''
    const active = within(screen.getByRole('region', { name: 'active sessions' }))
    const paused = within(screen.getByRole('region', { name: 'paused sessions' }))
    await active.findByText(title, { exact: false })
    const held = hold('pause')
    scenarios.push(held.rule)
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(active.queryByText(title, { exact: false })).toBeNull())
    expect(paused.getByText(title, { exact: false })).toBeInTheDocument()
    held.open()
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Pause interview' })).toBeNull())
    await waitFor(() => expect(paused.getAllByRole('listitem')[0]).toHaveTextContent(title))
    expect(active.queryByText(title, { exact: false })).toBeNull()
  })
})

describe('useInterviewControls', () => {
  it('never rejects: pause() resolves to { error } for a session that cannot be paused', async () => {
    const { api, store } = renderWithKit(mock, null)
    const { result } = renderHook(() => useInterviewControls(DEMO_SESSION_IDS.completed), {
      wrapper: ({ children }) => (
        <Provider store={store}>
          <InterviewKitProvider api={api}>{children}</InterviewKitProvider>
        </Provider>
      ),
    })
    await waitFor(() => expect(result.current.status).toBe('completed'))
    expect(result.current.canPause).toBe(false)
    expect(result.current.canResume).toBe(false)
    expect(result.current.canInteract).toBe(false)
    const outcome = await result.current.pause()
    expect(outcome).toEqual({ error: { kind: 'notFound', status: 404, error: 'Failed to pause interview' } })
    await waitFor(() => expect(result.current.error?.kind).toBe('notFound'))
    expect(result.current.failedAction).toBe('pause')
  })
})

describe('InterviewKitProvider', () => {
  const api = createInterviewApi({ getAccessToken: () => 'token' })

  it('names the fix when there is no react-redux Provider', () => {
    expect(() => render(<InterviewKitProvider api={api}>x</InterviewKitProvider>)).toThrow(
      /must be inside a react-redux <Provider store=\{store\}>/,
    )
  })

  it("names the fix when the store lacks the api's reducer", () => {
    const store = configureStore({ reducer: { other: (state: number = 0) => state } })
    expect(() =>
      render(
        <Provider store={store}>
          <InterviewKitProvider api={api}>x</InterviewKitProvider>
        </Provider>,
      ),
    ).toThrow(/no "interviewApi" state.*\[api\.reducerPath\]: api\.reducer/)
  })

  it("names the fix when the store lacks the api's middleware", () => {
    const store = configureStore({ reducer: { [api.reducerPath]: api.reducer } })
    expect(() =>
      render(
        <Provider store={store}>
          <InterviewKitProvider api={api}>x</InterviewKitProvider>
        </Provider>,
      ),
    ).toThrow(/middleware is missing.*concat\(api\.middleware\)/)
  })

  it('names the fix when a component is rendered outside it', () => {
    expect(() => render(<SessionStatus sessionId={ID} />)).toThrow(/inside <InterviewKitProvider api=\{interviewApi\}>/)
  })
})

describe('messages', () => {
  it.each([
    ['ko', ko, '인터뷰 일시정지', '진행 중', '인터뷰가 일시정지되었습니다'],
    ['ja', ja, '面接を一時停止', '進行中', '面接を一時停止しました'],
  ] as const)('speaks %s from its locale entry', async (locale, catalogue, pause, active, paused) => {
    const user = userEvent.setup()
    const { container } = renderWithKit(
      mock,
      <>
        <SessionStatus sessionId={ID} />
        <PauseButton sessionId={ID} />
        <SessionNotice sessionId={ID} />
        <SessionError sessionId={DEMO_SESSION_IDS.bobActive} />
      </>,
      { messages: catalogue },
    )
    await screen.findByText(active)
    await user.click(screen.getByRole('button', { name: pause }))
    await screen.findByText(
      locale === 'ko' ? '일시정지됨' : '一時停止中',
      { selector: '[data-state="paused"]' },
    )
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        locale === 'ko'
          ? '인터뷰를 만든 사용자만 일시정지하거나 재개할 수 있습니다.'
          : 'この面接を一時停止・再開できるのは作成者だけです。',
      ),
    )
    expect(await screen.findByText(paused)).toHaveAttribute('role', 'status')
    await expectNoAxeViolations(container)
  })

  it('keeps the context stable when the host re-renders with the same inline overrides', async () => {
    const user = userEvent.setup()
    const { api, store } = createHarness(mock)
    let renders = 0
    const counted = () => {
      renders += 1
    }
    // A Profiler inside the memoized probe reports only when the probe itself rendered.
    const Probe = memo(function Probe() {
      return (
        <Profiler id="probe" onRender={counted}>
          <p>{useInterviewKit().messages.pause}</p>
        </Profiler>
      )
    })
    function Host() {
      const [count, setCount] = useState(0)
      return (
        <Provider store={store}>
          <InterviewKitProvider api={api} messages={{ pause: count < 2 ? 'Take a break' : 'Step away' }}>
            <Probe />
          </InterviewKitProvider>
          <button type="button" onClick={() => setCount(count + 1)}>
            Re-render {count}
          </button>
        </Provider>
      )
    }
    render(<Host />)
    expect(screen.getByText('Take a break')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Re-render 0' }))
    expect(renders).toBe(1)
    await user.click(screen.getByRole('button', { name: 'Re-render 1' }))
    expect(screen.getByText('Step away')).toBeInTheDocument()
    expect(renders).toBe(2)
  })

  it('uses the overrides given to the provider', async () => {
    renderWithKit(mock, <PauseButton sessionId={ID} />, { messages: { pause: 'Take a break' } })
    expect(await screen.findByRole('button', { name: 'Take a break' })).toBeInTheDocument()
  })
})
