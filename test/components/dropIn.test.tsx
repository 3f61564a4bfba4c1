import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import {
  InteractionGate,
  InterviewControls,
  PauseButton,
  ResumeButton,
  RetryButton,
  SessionError,
  SessionNotice,
  SessionStatus,
  useInterviewKit,
  useInterviewSessions,
  type InterviewMessages,
} from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import { createRef, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { BASE_URL, hold, setupMockServer } from '../support/apiHarness'
import { expectNoAxeViolations, renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const posts = () => mock.log.filter((request) => request.method === 'POST')

/** The three components the seed names, and nothing else. */
function Alone({ id = ID }: { id?: string }) {
  return (
    <main>
      <h1>
        Interview <SessionStatus sessionId={id} />
      </h1>
      <PauseButton sessionId={id} />
      <ResumeButton sessionId={id} />
    </main>
  )
}

const pauseButton = () => screen.getByRole('button', { name: 'Pause interview' })
const answerWith = (status: number, body: object) =>
  http.post(`${BASE_URL}/interviews/:id/pause`, () => HttpResponse.json(body, { status }), { once: true })

describe('PauseButton, ResumeButton and SessionStatus alone', () => {
  it('say "Interview paused" politely after a successful pause', async () => {
    const user = userEvent.setup()
    const { container } = renderWithKit(mock, <Alone />)
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    const notice = await screen.findByText('Interview paused')
    expect(notice.closest('[aria-live="polite"]')).not.toBeNull()
    expect(screen.queryByRole('alert')).toBeNull()
    await expectNoAxeViolations(container)
  })

  it.each([
    ['a refused pause (403)', (): void => mock.server.use(answerWith(403, { error: 'Forbidden' })), 'Only the owner of this interview can pause or resume it.'],
    ['a 400', (): void => mock.server.use(answerWith(400, { error: 'Invalid request', details: 'body must be a JSON object' })), 'The request was rejected: body must be a JSON object'],
    ['a 404 (no longer active)', (): void => undefined, 'This interview was not found or its status has changed. The current status is shown.'],
  ] as const)('show the specific message after %s, and offer no Retry', async (name, arrange, message) => {
    const user = userEvent.setup()
    const { db } = renderWithKit(mock, <Alone />)
    await screen.findByRole('button', { name: 'Pause interview' })
    arrange()
    if (name.includes('404')) db.update(ID, { status: 'completed' })
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message))
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(screen.getAllByRole('alert')).toHaveLength(1)
  })

  it('ask the user to sign in again after a 401, and call onUnauthorized', async () => {
    const user = userEvent.setup()
    const { auth, unauthorized } = renderWithKit(mock, <Alone />)
    await screen.findByRole('button', { name: 'Pause interview' })
    auth.token = 'expired-token'
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Your sign-in has expired. Please sign in again.'))
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(unauthorized).toHaveLength(1)
  })

  it.each([
    ['a network error', { kind: 'networkError' } as const, 'Could not reach the server. Check your connection and try again.'],
    ['a 500', { kind: 'serverError' } as const, 'The server could not complete the request. Please try again.'],
  ])('offer Retry after %s, which sends the same pause again', async (_name, scenario, message) => {
    const user = userEvent.setup()
    const { scenarios, db } = renderWithKit(mock, <Alone />)
    await screen.findByRole('button', { name: 'Pause interview' })
    scenarios.push({ endpoint: 'pause', times: 1, scenario })
    await user.click(pauseButton())
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent(message))
    expect(db.get(ID)?.status).toBe('active')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await screen.findByText('Interview paused')
    expect(posts().map((request) => request.path)).toEqual([`/api/interviews/${ID}/pause`, `/api/interviews/${ID}/pause`])
    expect(db.get(ID)?.status).toBe('paused')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('offer Retry after a timeout, saying the server took too long', async () => {
    const user = userEvent.setup()
    const { scenarios } = renderWithKit(mock, <Alone />, { api: { timeoutMs: 50 } })
    await screen.findByRole('button', { name: 'Pause interview' })
    scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'hang' } })
    await user.click(pauseButton())
    const alert = await screen.findByRole('alert')
    await waitFor(() => expect(alert).toHaveTextContent('The server took too long to answer. Please try again.'))
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeVisible()
  })

  it('let the user dismiss a failure', async () => {
    const user = userEvent.setup()
    const { scenarios } = renderWithKit(mock, <Alone />)
    await screen.findByRole('button', { name: 'Pause interview' })
    scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } })
    await user.click(pauseButton())
    await user.click(within(await screen.findByRole('alert')).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('parts composed by hand', () => {
  it('show each message once: InterviewControls shows its own, the provider’s feedback stays quiet', async () => {
    const user = userEvent.setup()
    const { scenarios } = renderWithKit(mock, <InterviewControls sessionId={ID} />)
    await screen.findByRole('button', { name: 'Pause interview' })
    scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'networkError' } })
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Could not reach the server'))
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    expect(screen.getAllByRole('button', { name: 'Retry' })).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.getAllByText('Interview paused')).toHaveLength(1))
  })

  it('show each message once with SessionError, SessionNotice and RetryButton placed apart', async () => {
    const user = userEvent.setup()
    const { scenarios } = renderWithKit(
      mock,
      <>
        <PauseButton sessionId={ID} />
        <aside>
          <SessionError sessionId={ID} />
          <RetryButton sessionId={ID} />
          <SessionNotice sessionId={ID} />
        </aside>
      </>,
    )
    await screen.findByRole('button', { name: 'Pause interview' })
    scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'serverError' } })
    await user.click(pauseButton())
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('The server could not complete the request.'))
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Interview paused'))
    expect(screen.getAllByText('Interview paused')).toHaveLength(1)
  })

  it('leave the provider’s feedback out with feedback={false}', async () => {
    const user = userEvent.setup()
    const { settle } = renderWithKit(mock, <Alone />, { feedback: false })
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await screen.findByRole('button', { name: 'Resume interview' })
    await act(() => settle())
    expect(screen.getByRole('status')).toHaveTextContent('Paused')
    expect(screen.queryByText('Interview paused')).toBeNull()
  })
})

describe('a success message', () => {
  it('belongs to a change made while it was mounted: SessionNotice mounted later shows nothing old', async () => {
    const user = userEvent.setup()
    function Page() {
      const [notice, setNotice] = useState(true)
      return (
        <>
          <PauseButton sessionId={ID} />
          <button type="button" onClick={() => setNotice((shown) => !shown)}>
            Toggle notice
          </button>
          {notice && <SessionNotice sessionId={ID} />}
        </>
      )
    }
    renderWithKit(mock, <Page />)
    await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Interview paused'))
    await user.click(screen.getByRole('button', { name: 'Toggle notice' }))
    await user.click(screen.getByRole('button', { name: 'Toggle notice' }))
    expect(screen.getByRole('status')).toHaveTextContent('')
    expect(screen.getByRole('status')).toHaveAttribute('data-state', 'idle')
  })
})

describe('focus', () => {
  it('is never taken by a Resume button mounted later, after the Pause button left mid-flight with its row', async () => {
    const user = userEvent.setup()
    function ActiveRows() {
      const { sessions } = useInterviewSessions({ status: 'active' })
      return (
        <ul>
          {sessions?.map((session) => (
            <li key={session.id}>
              {session.title} <PauseButton sessionId={session.id} />
            </li>
          ))}
        </ul>
      )
    }
    function Page() {
      const [detail, setDetail] = useState(false)
      return (
        <>
          <ActiveRows />
          <button type="button" onClick={() => setDetail(true)}>
            Show details
          </button>
          {detail && (
            <section>
              <ResumeButton sessionId={ID} />
            </section>
          )}
        </>
      )
    }
    const { scenarios, settle, db } = renderWithKit(mock, <Page />)
    const title = db.get(ID)?.title ?? ''
    const held = hold('pause', ID)
    scenarios.push(held.rule)
    const row = await screen.findByText((_, element) => element?.tagName === 'LI' && element.textContent?.startsWith(title) === true)
    await user.click(within(row).getByRole('button', { name: 'Pause interview' }))
    // The row leaves the "Active" list at once (optimistic), its button with it.
    await waitFor(() => expect(screen.queryByText(title, { exact: false })).toBeNull())
    await act(async () => {
      held.open()
      await settle()
    })
    act(() => screen.getByRole('button', { name: 'Show details' }).focus())
    await user.keyboard('{Enter}')
    await screen.findByRole('button', { name: 'Resume interview' })
    expect(screen.getByRole('button', { name: 'Show details' })).toHaveFocus()
  })

  it('goes to the Resume button of the group whose Pause was activated, not another group’s', async () => {
    const user = userEvent.setup()
    renderWithKit(
      mock,
      <>
        <InterviewControls sessionId={ID} aria-label="Top" />
        <InterviewControls sessionId={ID} aria-label="Bottom" />
      </>,
    )
    const bottom = () => screen.getByRole('group', { name: 'Bottom' })
    await within(bottom()).findByRole('button', { name: 'Pause interview' })
    await user.click(within(bottom()).getByRole('button', { name: 'Pause interview' }))
    const resume = await within(bottom()).findByRole('button', { name: 'Resume interview' })
    await waitFor(() => expect(resume).toHaveFocus())
  })

  it('stays on the control through pause, resume and pause with the keyboard alone', async () => {
    const user = userEvent.setup()
    renderWithKit(mock, <Alone />)
    await screen.findByRole('button', { name: 'Pause interview' })
    await user.tab()
    expect(pauseButton()).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume interview' })).toHaveFocus())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(pauseButton()).toHaveFocus())
    await user.keyboard(' ')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Resume interview' })).toHaveFocus())
  })
})

describe('refs', () => {
  it('reach every component’s element, and the buttons keep their focus hand-over with a ref of the host', async () => {
    const user = userEvent.setup()
    const refs = {
      status: createRef<HTMLSpanElement>(),
      pause: createRef<HTMLButtonElement>(),
      resume: createRef<HTMLButtonElement>(),
      gate: createRef<HTMLFieldSetElement>(),
      notice: createRef<HTMLParagraphElement>(),
      error: createRef<HTMLDivElement>(),
      controls: createRef<HTMLDivElement>(),
    }
    renderWithKit(
      mock,
      <>
        <SessionStatus ref={refs.status} sessionId={ID} />
        <div>
          <PauseButton ref={refs.pause} sessionId={ID} />
          <ResumeButton ref={refs.resume} sessionId={ID} />
        </div>
        <InteractionGate ref={refs.gate} sessionId={ID} />
        <SessionNotice ref={refs.notice} sessionId={ID} />
        <SessionError ref={refs.error} sessionId={ID} />
        <InterviewControls ref={refs.controls} sessionId={DEMO_SESSION_IDS.paused} />
      </>,
    )
    await screen.findAllByRole('button', { name: 'Pause interview' })
    expect(refs.status.current?.tagName).toBe('SPAN')
    expect(refs.pause.current?.tagName).toBe('BUTTON')
    expect(refs.gate.current?.tagName).toBe('FIELDSET')
    expect(refs.notice.current?.tagName).toBe('P')
    expect(refs.error.current?.getAttribute('role')).toBe('alert')
    expect(refs.controls.current?.getAttribute('role')).toBe('group')
    refs.pause.current?.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(refs.resume.current).toHaveFocus())
  })
})

describe('messages', () => {
  it('keep English for keys a partial translation leaves undefined, and ignore keys that are not messages', async () => {
    // A translation file as it arrives: JSON with keys missing, junk keys, and a prototype trap.
    const translation: Partial<InterviewMessages> = JSON.parse(
      '{"statusActive": "En cours", "constructor": "x", "__proto__": {"pause": "hacked"}, "pausing": 42}',
    )
    const { scenarios } = renderWithKit(mock, <Alone />, { messages: { ...translation, pause: undefined } })
    expect(await screen.findByRole('button', { name: 'Pause interview' })).toBeVisible()
    expect(screen.getByRole('status')).toHaveTextContent('En cours')
    // A message that is not a string keeps English: the pending button reads "Pausing…", not "42".
    const held = hold('pause', ID)
    scenarios.push(held.rule)
    await userEvent.setup().click(pauseButton())
    await waitFor(() => expect(pauseButton()).toHaveAttribute('data-pending'))
    expect(pauseButton()).toHaveTextContent('Pausing…')
    expect(pauseButton()).not.toHaveTextContent('42')
    // The prototype trap reached no object.
    expect(({} as Record<string, unknown>).pause).toBeUndefined()
    held.open()
    await screen.findByRole('button', { name: 'Resume interview' })
  })
})

describe('the kit’s context', () => {
  it('gives only the api and the messages', async () => {
    const seen: object[] = []
    function Peek() {
      seen.push(useInterviewKit())
      return null
    }
    renderWithKit(mock, <Peek />)
    expect(Object.keys(seen[0] ?? {}).sort()).toEqual(['api', 'messages'])
  })
})
