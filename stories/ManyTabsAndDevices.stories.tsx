import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite'
import {
  InteractionGate,
  InterviewControls,
  InterviewKitProvider,
  receiveSession,
  SessionStatus,
} from 'interview-session-kit'
import { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS, pauseSession, resumeSession } from 'interview-session-kit/mocks'
import { useEffect, useState } from 'react'
import { Provider } from 'react-redux'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { createStoryKit, STORY_KIT_HEADER, type StoryKit } from './support/createStoryKit'
import { kitOf } from './support/kitLoader'
import { messagesOf, userOf } from './support/storyGlobals'
import './support/manyTabs.css'

/** One tab (or device) of the app: the session's status, an answer box that takes answers only while it is active, and its controls. */
function AppTab({ label, sessionId }: { label: string; sessionId: string }) {
  return (
    <section aria-label={label} className="tab-pane">
      <h2>{label}</h2>
      <p>
        Status: <SessionStatus sessionId={sessionId} />
      </p>
      <InteractionGate sessionId={sessionId} aria-label={`Answer in ${label}`} className="answer">
        <label>
          Answer <textarea rows={2} />
        </label>
      </InteractionGate>
      <InterviewControls sessionId={sessionId} />
    </section>
  )
}

/** The second tab of "Another tab pauses": its own store and api, on the first tab's mock server. */
const secondTabs = new WeakMap<StoryKit, StoryKit>()

function secondTabOf(context: Pick<StoryContext, 'loaded'>): StoryKit {
  const second = secondTabs.get(kitOf(context))
  if (!second) throw new Error('stories: no second tab; is the story’s beforeEach missing?')
  return second
}

/**
 * Keeps the session true with the server's pushes: an `EventSource` on the mock server's session events, each
 * event taken with `receiveSession`. An `EventSource` cannot send headers, so the token goes in the query.
 */
function LiveUpdates({ kit, token }: { kit: StoryKit; token: string }) {
  const [state, setState] = useState<'connecting' | 'connected' | 'reconnecting'>('connecting')
  useEffect(() => {
    const url = new URL('/api/interviews/events', window.location.href)
    url.searchParams.set('access_token', token)
    url.searchParams.set(STORY_KIT_HEADER, String(kit.id))
    const events = new EventSource(url)
    events.addEventListener('open', () => setState('connected'))
    events.addEventListener('error', () => setState('reconnecting'))
    events.addEventListener('session', (event) => {
      kit.store.dispatch(receiveSession(kit.api, JSON.parse((event as MessageEvent<string>).data)))
    })
    return () => events.close()
  }, [kit, token])
  return (
    <p role="status" data-state={state}>
      Live updates: {state}
    </p>
  )
}

/** Stands for the user's phone: pauses or resumes the session on the mock server, as the same user. */
function AnotherDevice({ kit, sessionId }: { kit: StoryKit; sessionId: string }) {
  const change = (action: 'pause' | 'resume') => () => {
    const rule = action === 'pause' ? pauseSession : resumeSession
    rule(kit.db, DEMO_USERS.alice.id, sessionId)
  }
  return (
    <section aria-label="Another device (simulated)" className="tab-pane device">
      <h2>Phone (simulated)</h2>
      <button type="button" onClick={change('pause')}>
        Pause on the phone
      </button>{' '}
      <button type="button" onClick={change('resume')}>
        Resume on the phone
      </button>
    </section>
  )
}

/** Stands for the browser going offline and back: shadows `navigator.onLine` and sends the window's events. */
function NetworkSwitch() {
  const [offline, setOffline] = useState(false)
  const toggle = (next: boolean) => {
    if (next) Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
    else Reflect.deleteProperty(navigator, 'onLine')
    window.dispatchEvent(new Event(next ? 'offline' : 'online'))
    setOffline(next)
  }
  // Back online when the story ends.
  useEffect(() => () => void Reflect.deleteProperty(navigator, 'onLine'), [])
  return (
    <label className="network-switch">
      <input type="checkbox" checked={offline} onChange={(event) => toggle(event.target.checked)} /> Offline (simulated)
    </label>
  )
}

interface StoryArgs {
  sessionId: string
}

const meta: Meta<StoryArgs> = {
  title: 'Examples/Many tabs and devices',
  args: { sessionId: DEMO_SESSION_IDS.active },
  // Alice's session: her tabs and devices.
  globals: { user: 'alice' },
  // A realistic latency, so the change in flight shows before the server confirms it.
  parameters: { kit: { delayMs: 600 } },
}

export default meta

type Story = StoryObj<StoryArgs>

/**
 * Two tabs of one app side by side: each has its own store, they share the mock server, and their apis share status
 * changes over `BroadcastChannel` (`crossTab`, on by default). Pause in tab A: tab B locks its answer box at once and
 * sends no request; when the server confirms, tab B takes the confirmed copy.
 */
export const AnotherTabPauses: Story = {
  parameters: { kit: { delayMs: 600, crossTab: true } },
  beforeEach: (context) => {
    const second = createStoryKit({ user: userOf(context.globals), server: kitOf(context), crossTab: true })
    secondTabs.set(kitOf(context), second)
    return () => second.dispose()
  },
  render: ({ sessionId }, context) => {
    const second = secondTabOf(context)
    return (
      <div className="tabs">
        <AppTab label="Tab A" sessionId={sessionId} />
        <Provider store={second.store}>
          <InterviewKitProvider api={second.api} messages={messagesOf(context.globals)}>
            <AppTab label="Tab B" sessionId={sessionId} />
          </InterviewKitProvider>
        </Provider>
      </div>
    )
  },
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const messages = messagesOf(context.globals)
    const tabA = within(canvas.getByRole('region', { name: 'Tab A' }))
    const tabB = within(canvas.getByRole('region', { name: 'Tab B' }))
    const second = secondTabOf(context)
    await tabB.findByRole('button', { name: messages.pause }, { timeout: 4000 })
    const sentByB = second.requests.length

    await userEvent.click(await tabA.findByRole('button', { name: messages.pause }, { timeout: 4000 }))
    // Tab B shows the change in flight before the server has answered tab A.
    await waitFor(() => expect(tabB.getByRole('textbox', { name: 'Answer' })).toBeDisabled(), { timeout: 300 })
    await expect(kitOf(context).db.get(context.args.sessionId)?.status).toBe('active')
    // Confirmed: both show the server's copy, and tab B never sent the pause. (Both tabs share this window, so both
    // read the session again when it gains focus; two real tabs do not: see test/browser/twoTabs.node.test.ts.)
    await tabA.findByRole('button', { name: messages.resume }, { timeout: 4000 })
    await tabB.findByRole('button', { name: messages.resume }, { timeout: 4000 })
    await expect(tabB.getByText(messages.statusPaused, { exact: true })).toBeVisible()
    await expect(second.requests.slice(sentByB).filter((request) => request.startsWith('POST'))).toEqual([])
  },
}

/**
 * One tab of the app, sharing its status changes with the app's other tabs (`crossTab`). Open this story in two
 * browser windows side by side and pause in one: the other locks its answer box at once, without a request.
 */
export const OneOfManyTabs: Story = {
  parameters: { kit: { delayMs: 600, crossTab: true } },
  render: ({ sessionId }) => <AppTab label="This tab" sessionId={sessionId} />,
  // No play function: two windows of this story are the test (test/browser/twoTabs.node.test.ts), and each would
  // play it.
}

/**
 * The server pushes every change of the user's sessions (the mock server's server-sent events), and the app takes
 * each with `receiveSession`: a pause made on the user's phone shows here at once, without a request.
 */
export const PausedOnAnotherDevice: Story = {
  parameters: { kit: { events: true } },
  render: ({ sessionId }, context) => {
    const kit = kitOf(context)
    return (
      <div className="tabs">
        <div>
          <LiveUpdates kit={kit} token={DEMO_TOKENS[userOf(context.globals)]} />
          <AppTab label="This browser" sessionId={sessionId} />
        </div>
        <AnotherDevice kit={kit} sessionId={sessionId} />
      </div>
    )
  },
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const messages = messagesOf(context.globals)
    const kit = kitOf(context)
    const here = within(canvas.getByRole('region', { name: 'This browser' }))
    await waitFor(() => expect(canvas.getByText(/^Live updates/)).toHaveAttribute('data-state', 'connected'), {
      timeout: 4000,
    })
    await here.findByRole('button', { name: messages.pause }, { timeout: 4000 })
    const sent = kit.requests.length

    await userEvent.click(canvas.getByRole('button', { name: 'Pause on the phone' }))
    await waitFor(() => expect(here.getByRole('textbox', { name: 'Answer' })).toBeDisabled())
    await expect(here.getByRole('button', { name: messages.resume })).toBeVisible()
    await userEvent.click(canvas.getByRole('button', { name: 'Resume on the phone' }))
    await waitFor(() => expect(here.getByRole('textbox', { name: 'Answer' })).toBeEnabled())
    await expect(kit.requests.slice(sent)).toEqual([])
  },
}

/**
 * Offline, a pause fails at once with a message that says so (there is no wait for a timeout, and nothing is queued
 * to replay later); Retry waits for the connection. The switch stands for the browser's network.
 */
export const Offline: Story = {
  render: ({ sessionId }) => (
    <div>
      <NetworkSwitch />
      <AppTab label="This tab" sessionId={sessionId} />
    </div>
  ),
  play: async (context) => {
    const canvas = within(context.canvasElement)
    const messages = messagesOf(context.globals)
    const kit = kitOf(context)
    const pause = await canvas.findByRole('button', { name: messages.pause }, { timeout: 4000 })
    await userEvent.click(canvas.getByRole('checkbox', { name: /Offline/ }))
    const sent = kit.requests.length

    await userEvent.click(pause)
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent(messages.errorOffline), { timeout: 300 })
    await expect(kit.requests.slice(sent)).toEqual([])
    await expect(canvas.getByRole('button', { name: messages.retry })).toHaveAttribute('aria-disabled', 'true')

    await userEvent.click(canvas.getByRole('checkbox', { name: /Offline/ }))
    const retry = canvas.getByRole('button', { name: messages.retry })
    await waitFor(() => expect(retry).not.toHaveAttribute('aria-disabled', 'true'))
    await userEvent.click(retry)
    await canvas.findByRole('button', { name: messages.resume }, { timeout: 4000 })
    await expect(kit.db.get(context.args.sessionId)?.status).toBe('paused')
  },
}
