import fc from 'fast-check'
import type { InterviewMessage, StatusAction } from 'interview-session-kit'
import type { MockSessionPatch } from 'interview-session-kit/mocks'
import { expect } from 'vitest'
import type { RaceHarness } from './createRaceHarness'
import {
  LIST_VARIANTS,
  listArg,
  RACE_SESSIONS,
  requestKey,
  sessionName,
  TABS,
  type Fault,
  type Intent,
  type ListVariant,
  type TabName,
} from './raceSessions'

/** A request of the model: the calls that share it, and whether it can still be joined. */
interface ModelRequest {
  action: StatusAction
  /** Calls waiting for it that have not been aborted. */
  callers: Set<number>
  /** Not yet settled, and not left by every caller (then it is aborted and never joined again). */
  open: boolean
}

/** One pause or resume call of the model. */
interface ModelCall {
  id: number
  action: StatusAction
  /** When it began, in the run's order of arrivals. */
  at: number
  request: ModelRequest
  aborted: boolean
  /** Abort handle (calls made through the store; the hooks' calls cannot be aborted). */
  abort?: () => void
}

/**
 * The model of one tab's own calls: per session, the calls not yet settled (an aborted call settles at once) and the
 * request queue tail (the last request that was created); `intents` is the view the invariants read (the latest
 * waiting call, how many wait, when it began); `created` counts the requests the calls created, by `<id> <action>`.
 */
export interface TabModel {
  intents: Map<string, Intent>
  calls: Map<string, ModelCall[]>
  tails: Map<string, ModelRequest>
  created: Map<string, number>
}

/**
 * The model of the client the commands keep: each tab's own calls. What each tab heard of the other's is kept by the
 * harness, from the messages the channel delivers; the model of the server is the mock db itself, with every version
 * it had.
 */
export interface RaceModel {
  tabs: Record<TabName, TabModel>
  nextCall: number
}

const emptyTab = (): TabModel => ({ intents: new Map(), calls: new Map(), tails: new Map(), created: new Map() })
export const emptyModel = (): RaceModel => ({ tabs: { A: emptyTab(), B: emptyTab() }, nextCall: 0 })

/** Recomputes the invariants' view of one session after its calls changed. */
function refreshIntent(tab: TabModel, id: string) {
  const waiting = tab.calls.get(id) ?? []
  const last = waiting.at(-1)
  const intent = tab.intents.get(id)
  if (intent) {
    intent.pending = waiting.length
    if (last) {
      intent.latest = last.action
      intent.at = last.at
    }
  } else if (last) tab.intents.set(id, { latest: last.action, pending: waiting.length, at: last.at })
}

type RaceCommand = fc.AsyncCommand<RaceModel, RaceHarness>

const faultText = (fault: Fault | undefined) => (fault ? ` [${fault}]` : '')
const idOf = (session: number) => RACE_SESSIONS[session] ?? RACE_SESSIONS[0]
const nameOf = (session: number) => sessionName(idOf(session))

/** Pause or resume one session in one tab, through the store or through `useInterviewControls`, optionally faulting its request. */
export class ChangeStatus implements RaceCommand {
  constructor(
    readonly tab: TabName,
    readonly session: number,
    readonly action: StatusAction,
    readonly via: 'store' | 'hook',
    readonly fault: Fault | undefined,
  ) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const id = idOf(this.session)
    const own = model.tabs[this.tab]
    const tab = real.tab(this.tab)
    const tail = own.tails.get(id)
    // The library joins a call to the open request for the same action; anything else creates a request.
    const joins = tail?.open === true && tail.action === this.action
    const request: ModelRequest = joins && tail ? tail : { action: this.action, callers: new Set(), open: true }
    if (!joins) own.created.set(`${id} ${this.action}`, (own.created.get(`${id} ${this.action}`) ?? 0) + 1)
    // A token fault applies only when the request starts at once (the harness checks that it did).
    const startsNow = !tail?.open
    if (this.fault && !joins && (startsNow || !isTokenFault(this.fault))) tab.armFault(requestKey.change(id, this.action), this.fault)
    own.tails.set(id, request)
    const call: ModelCall = { id: (model.nextCall += 1), action: this.action, at: real.arrival(), request, aborted: false }
    request.callers.add(call.id)
    own.calls.set(id, [...(own.calls.get(id) ?? []), call])
    refreshIntent(own, id)
    const endpoint = this.action === 'pause' ? tab.api.endpoints.pauseInterview : tab.api.endpoints.resumeInterview
    let handle: PromiseLike<unknown>
    if (this.via === 'hook') handle = tab.controls(id)[this.action]()
    else {
      const dispatched = tab.store.dispatch(endpoint.initiate(id))
      call.abort = () => dispatched.abort()
      handle = dispatched
    }
    tab.endTokenFault()
    real.track(handle, () => {
      own.calls.set(id, (own.calls.get(id) ?? []).filter((other) => other !== call))
      request.callers.delete(call.id)
      // A caller that was not aborted hears the request's own end; when every caller aborted, the request is aborted.
      if (!call.aborted || request.callers.size === 0) request.open = false
      refreshIntent(own, id)
    })
    await real.step()
  }
  toString() {
    return `${this.tab}.${this.action}(${nameOf(this.session)}) via ${this.via}${faultText(this.fault)}`
  }
}

const isTokenFault = (fault: Fault) => fault === 'noToken' || fault === 'expiredToken'

/** Aborts the latest waiting call of a session made through the store (as a host does when the user navigates away). */
export class AbortCall implements RaceCommand {
  constructor(
    readonly tab: TabName,
    readonly session: number,
  ) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const id = idOf(this.session)
    const call = [...(model.tabs[this.tab].calls.get(id) ?? [])].reverse().find((candidate) => candidate.abort && !candidate.aborted)
    if (call) {
      call.aborted = true
      // An aborted request may never be sent: its armed faults are dropped. Aborted after it was sent, it may still
      // reach the server later (the race server then marks the session as changed behind the tab's back).
      real.tab(this.tab).dropFaults(id)
      call.abort?.()
    }
    await real.step()
  }
  toString() {
    return `${this.tab}.abort(${nameOf(this.session)})`
  }
}

/** `resetApiState` in one tab (a logout and a new sign-in as the same user): its calls aborted, its cache dropped. */
export class ResetApi implements RaceCommand {
  constructor(readonly tab: TabName) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const own = model.tabs[this.tab]
    for (const calls of own.calls.values()) for (const call of calls) call.aborted = true
    for (const request of own.tails.values()) request.open = false
    real.tab(this.tab).dropFaults()
    await real.reset(this.tab)
  }
  toString() {
    return `${this.tab}.resetApiState()`
  }
}

/** A background refetch of one session's detail in one tab (what a polling refetch does). */
export class RefetchDetail implements RaceCommand {
  constructor(
    readonly tab: TabName,
    readonly session: number,
    readonly fault: Fault | undefined,
  ) {}
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    const id = idOf(this.session)
    const tab = real.tab(this.tab)
    // A refetch of an entry already fetching joins that request: no request of its own to fault.
    if (this.fault && !tab.isRunning({ detail: id })) tab.armFault(requestKey.detail(id), this.fault)
    void tab.store.dispatch(tab.api.endpoints.getInterview.initiate(id, { subscribe: false, forceRefetch: true }))
    tab.endTokenFault()
    await real.step()
  }
  toString() {
    return `${this.tab}.refetch(${nameOf(this.session)})${faultText(this.fault)}`
  }
}

/** A background refetch of one mounted list variant in one tab. */
export class RefetchList implements RaceCommand {
  constructor(
    readonly tab: TabName,
    readonly variant: ListVariant,
    readonly fault: Fault | undefined,
  ) {}
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    const tab = real.tab(this.tab)
    if (this.fault && !tab.isRunning({ list: this.variant })) tab.armFault(requestKey.list(this.variant), this.fault)
    void tab.store.dispatch(tab.api.endpoints.listInterviews.initiate(listArg(this.variant), { subscribe: false, forceRefetch: true }))
    await real.step()
  }
  toString() {
    return `${this.tab}.refetch(list:${this.variant})${faultText(this.fault)}`
  }
}

/** The window of one tab regains focus: RTK refetches every mounted entry that is not fetching already. */
export class FocusRefetch implements RaceCommand {
  constructor(readonly tab: TabName) {}
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    await real.focus(this.tab)
  }
  toString() {
    return `${this.tab}.focus()`
  }
}

/**
 * The server pushes a session to one tab (`receiveSession`): the db's current copy, or the one before it (a push
 * that arrives after a newer copy, which must change nothing).
 */
export class PushSession implements RaceCommand {
  constructor(
    readonly tab: TabName,
    readonly session: number,
    readonly older: boolean,
  ) {}
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    await real.push(this.tab, idOf(this.session), this.older)
  }
  toString() {
    return `${this.tab}.push(${nameOf(this.session)}${this.older ? ', older copy' : ''})`
  }
}

/** Time passes in both tabs: another tab's change a tab still shows, its end lost, expires (the tab reads it again). */
export class TimePasses implements RaceCommand {
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    await real.passTime()
  }
  toString() {
    return 'timePasses()'
  }
}

export type DeviceChange = { kind: 'status'; status: 'active' | 'paused' | 'completed' } | { kind: 'title' } | { kind: 'message' }

/** A change made on another device, straight into the server's db: a status change (a later pause/resume gets a 404), a rename, a new message. */
export class OtherDevice implements RaceCommand {
  constructor(
    readonly session: number,
    readonly change: DeviceChange,
  ) {}
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    const id = idOf(this.session)
    const current = real.db.get(id)
    let patch: MockSessionPatch
    if (this.change.kind === 'status') patch = { status: this.change.status }
    else if (this.change.kind === 'title') patch = { title: `${current?.title ?? ''} (renamed on another device)` }
    else {
      const messages = current?.recentMessages ?? []
      const message: InterviewMessage = {
        id: `00000000-0000-4000-8000-${String(messages.length).padStart(12, '0')}`,
        conversationId: current?.conversationId ?? 'none',
        status: 'completed',
        output: { text: 'Answered on another device' },
        usage: { totalTokens: 1 },
        metadata: { turn: messages.length + 1 },
        createdAt: '2026-06-01T09:00:00.000Z',
      }
      patch = { recentMessages: [...messages, message] }
    }
    real.otherDevice(id, patch)
    await real.step()
  }
  toString() {
    const what = this.change.kind === 'status' ? `status=${this.change.status}` : this.change.kind
    return `otherDevice(${nameOf(this.session)}: ${what})`
  }
}

/** Lets the server take or answer, or the channel deliver, up to `count` parked steps, in the order the scheduler picks. */
export class Deliver implements RaceCommand {
  constructor(readonly count: number) {}
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    await real.deliver(this.count)
  }
  toString() {
    return `deliver(${this.count})`
  }
}

const BAD_IDS = ['not-a-uuid', '../x', '', `${RACE_SESSIONS[0]}/pause`, 'f'.repeat(4000)] as const

/** A call with an id that is not a UUID: it must fail at once with `invalid`, sending nothing. */
export class BadId implements RaceCommand {
  constructor(
    readonly tab: TabName,
    readonly which: number,
    readonly endpoint: 'pause' | 'resume' | 'get',
  ) {}
  check = () => true
  async run(_model: RaceModel, real: RaceHarness) {
    const badId = BAD_IDS[this.which] ?? ''
    const { api, store } = real.tab(this.tab)
    const started = real.requestsSent()
    const result =
      this.endpoint === 'get'
        ? await store.dispatch(api.endpoints.getInterview.initiate(badId, { subscribe: false }))
        : await store.dispatch((this.endpoint === 'pause' ? api.endpoints.pauseInterview : api.endpoints.resumeInterview).initiate(badId))
    expect(result.error, `${this.toString()} fails at once`).toMatchObject({ kind: 'invalid' })
    expect(real.requestsSent(), `${this.toString()} sends nothing`).toBe(started)
    await real.step()
  }
  toString() {
    return `${this.tab}.${this.endpoint}(${JSON.stringify(BAD_IDS[this.which]?.slice(0, 40))})`
  }
}

const tab = fc.constantFrom(...TABS)
// Biased towards s1 so that requests about one session overlap often; every session still comes up.
const session = fc.oneof({ arbitrary: fc.constant(0), weight: 2 }, { arbitrary: fc.integer({ min: 0, max: RACE_SESSIONS.length - 1 }), weight: 3 })
const fault: fc.Arbitrary<Fault | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 8 },
  { arbitrary: fc.constantFrom<Fault>('networkError', 'serverError', 'answerLost'), weight: 2 },
  { arbitrary: fc.constantFrom<Fault>('timeout', 'noToken', 'expiredToken'), weight: 1 },
)
// Lists are refetched by invalidation too: a token fault could land on another list's read, so lists get server faults.
const serverFault: fc.Arbitrary<Fault | undefined> = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  { arbitrary: fc.constantFrom<Fault>('networkError', 'serverError', 'answerLost'), weight: 1 },
)
const deviceChange: fc.Arbitrary<DeviceChange> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('active' as const, 'paused' as const, 'completed' as const) }),
  fc.constant({ kind: 'title' as const }),
  fc.constant({ kind: 'message' as const }),
)

/** Every command, weighted towards pause/resume and deliveries so that many requests and messages overlap. */
export const raceCommands = fc.commands<RaceModel, RaceHarness, false>(
  [
    fc.oneof(
      {
        arbitrary: fc
          .tuple(tab, session, fc.constantFrom<StatusAction>('pause', 'resume'), fc.constantFrom('store' as const, 'hook' as const), fault)
          .map(([t, s, action, via, f]) => new ChangeStatus(t, s, action, via, f)),
        weight: 7,
      },
      { arbitrary: fc.tuple(tab, session, fault).map(([t, s, f]) => new RefetchDetail(t, s, f)), weight: 2 },
      { arbitrary: fc.tuple(tab, fc.constantFrom(...LIST_VARIANTS), serverFault).map(([t, v, f]) => new RefetchList(t, v, f)), weight: 2 },
      { arbitrary: tab.map((t) => new FocusRefetch(t)), weight: 1 },
      { arbitrary: fc.tuple(tab, session, fc.boolean()).map(([t, s, older]) => new PushSession(t, s, older)), weight: 2 },
      { arbitrary: fc.tuple(tab, session).map(([t, s]) => new AbortCall(t, s)), weight: 2 },
      { arbitrary: tab.map((t) => new ResetApi(t)), weight: 1 },
      { arbitrary: fc.tuple(session, deviceChange).map(([s, c]) => new OtherDevice(s, c)), weight: 1 },
      { arbitrary: fc.constant(new TimePasses()), weight: 1 },
      { arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => new Deliver(n)), weight: 6 },
      {
        arbitrary: fc
          .tuple(tab, fc.integer({ min: 0, max: BAD_IDS.length - 1 }), fc.constantFrom('pause' as const, 'resume' as const, 'get' as const))
          .map(([t, b, e]) => new BadId(t, b, e)),
        weight: 1,
      },
    ),
  ],
  { maxCommands: 24, size: 'medium' },
)
