import fc from 'fast-check'
import type { InterviewMessage, StatusAction } from 'interview-session-kit'
import type { MockSessionPatch } from 'interview-session-kit/mocks'
import { expect } from 'vitest'
import type { RaceHarness } from './createRaceHarness'
import { LIST_VARIANTS, listArg, RACE_SESSIONS, requestKey, sessionName, type Fault, type Intent, type ListVariant } from './raceSessions'

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
  request: ModelRequest
  aborted: boolean
  /** Abort handle (calls made through the store; the hooks' calls cannot be aborted). */
  abort?: () => void
}

/**
 * The model of the client the commands keep: per session, the calls not yet settled (the last one is what the
 * session shows; an aborted call settles at once) and the request queue tail (the last request that was created).
 * `intents` is the view the invariants read: the latest waiting call and how many wait. The model of the server is
 * the mock db itself, with every version it had (kept by the harness).
 */
export interface RaceModel {
  intents: Map<string, Intent>
  calls: Map<string, ModelCall[]>
  tails: Map<string, ModelRequest>
  nextCall: number
}

export const emptyModel = (): RaceModel => ({ intents: new Map(), calls: new Map(), tails: new Map(), nextCall: 0 })

/** Recomputes the invariants' view of one session after its calls changed. */
function refreshIntent(model: RaceModel, id: string) {
  const waiting = model.calls.get(id) ?? []
  const last = waiting.at(-1)
  const intent = model.intents.get(id)
  if (intent) {
    intent.pending = waiting.length
    if (last) intent.latest = last.action
  } else if (last) model.intents.set(id, { latest: last.action, pending: waiting.length })
}

type RaceCommand = fc.AsyncCommand<RaceModel, RaceHarness>

const faultText = (fault: Fault | undefined) => (fault ? ` [${fault}]` : '')

/** Pause or resume one session, through the store or through `useInterviewControls`, optionally faulting its request. */
export class ChangeStatus implements RaceCommand {
  constructor(
    readonly session: number,
    readonly action: StatusAction,
    readonly via: 'store' | 'hook',
    readonly fault: Fault | undefined,
  ) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const id = RACE_SESSIONS[this.session] ?? RACE_SESSIONS[0]
    const tail = model.tails.get(id)
    // The library joins a call to the open request for the same action; anything else creates a request.
    const joins = tail?.open === true && tail.action === this.action
    const request: ModelRequest = joins && tail ? tail : { action: this.action, callers: new Set(), open: true }
    // A token fault applies only when the request starts at once (the harness checks that it did).
    const startsNow = !tail?.open
    if (this.fault && !joins && (startsNow || !isTokenFault(this.fault))) real.armFault(requestKey.change(id, this.action), this.fault)
    model.tails.set(id, request)
    const call: ModelCall = { id: (model.nextCall += 1), action: this.action, request, aborted: false }
    request.callers.add(call.id)
    model.calls.set(id, [...(model.calls.get(id) ?? []), call])
    refreshIntent(model, id)
    const endpoint = this.action === 'pause' ? real.api.endpoints.pauseInterview : real.api.endpoints.resumeInterview
    let handle: PromiseLike<unknown>
    if (this.via === 'hook') handle = real.controls(id)[this.action]()
    else {
      const dispatched = real.store.dispatch(endpoint.initiate(id))
      call.abort = () => dispatched.abort()
      handle = dispatched
    }
    real.endTokenFault()
    real.track(handle, () => {
      model.calls.set(id, (model.calls.get(id) ?? []).filter((other) => other !== call))
      request.callers.delete(call.id)
      // A caller that was not aborted hears the request's own end; when every caller aborted, the request is aborted.
      if (!call.aborted || request.callers.size === 0) request.open = false
      refreshIntent(model, id)
    })
    await real.step(model.intents)
  }
  toString() {
    return `${this.action}(${sessionName(RACE_SESSIONS[this.session] ?? '')}) via ${this.via}${faultText(this.fault)}`
  }
}

const isTokenFault = (fault: Fault) => fault === 'noToken' || fault === 'expiredToken'

/** Aborts the latest waiting call of a session made through the store (as a host does when the user navigates away). */
export class AbortCall implements RaceCommand {
  constructor(readonly session: number) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const id = RACE_SESSIONS[this.session] ?? RACE_SESSIONS[0]
    const call = [...(model.calls.get(id) ?? [])].reverse().find((candidate) => candidate.abort && !candidate.aborted)
    if (call) {
      call.aborted = true
      // An aborted request may never be sent: its armed faults are dropped. Aborted after it was sent, it may still
      // reach the server later (the race server then marks the session as changed behind the client's back).
      real.dropFaults(id)
      call.abort?.()
    }
    await real.step(model.intents)
  }
  toString() {
    return `abort(${sessionName(RACE_SESSIONS[this.session] ?? '')})`
  }
}

/** `resetApiState` (a logout and a new sign-in as the same user): every call is aborted, every cache entry dropped. */
export class ResetApi implements RaceCommand {
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    for (const calls of model.calls.values()) for (const call of calls) call.aborted = true
    for (const request of model.tails.values()) request.open = false
    real.dropFaults()
    await real.reset(model.intents)
  }
  toString() {
    return 'resetApiState()'
  }
}

/** A background refetch of one session's detail (what a focus or polling refetch does). */
export class RefetchDetail implements RaceCommand {
  constructor(
    readonly session: number,
    readonly fault: Fault | undefined,
  ) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const id = RACE_SESSIONS[this.session] ?? RACE_SESSIONS[0]
    // A refetch of an entry already fetching joins that request: no request of its own to fault.
    if (this.fault && !real.isRunning({ detail: id })) real.armFault(requestKey.detail(id), this.fault)
    void real.store.dispatch(real.api.endpoints.getInterview.initiate(id, { subscribe: false, forceRefetch: true }))
    real.endTokenFault()
    await real.step(model.intents)
  }
  toString() {
    return `refetch(${sessionName(RACE_SESSIONS[this.session] ?? '')})${faultText(this.fault)}`
  }
}

/** A background refetch of one mounted list variant. */
export class RefetchList implements RaceCommand {
  constructor(
    readonly variant: ListVariant,
    readonly fault: Fault | undefined,
  ) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    if (this.fault && !real.isRunning({ list: this.variant })) real.armFault(requestKey.list(this.variant), this.fault)
    const arg = listArg(this.variant)
    void real.store.dispatch(real.api.endpoints.listInterviews.initiate(arg, { subscribe: false, forceRefetch: true }))
    await real.step(model.intents)
  }
  toString() {
    return `refetch(list:${this.variant})${faultText(this.fault)}`
  }
}

export type TabChange = { kind: 'status'; status: 'active' | 'paused' | 'completed' } | { kind: 'title' } | { kind: 'message' }

/** A change made in another tab, straight into the server's db: a status change (a later pause/resume gets a 404), a rename, a new message. */
export class OtherTab implements RaceCommand {
  constructor(
    readonly session: number,
    readonly change: TabChange,
  ) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const id = RACE_SESSIONS[this.session] ?? RACE_SESSIONS[0]
    const current = real.db.get(id)
    let patch: MockSessionPatch
    if (this.change.kind === 'status') patch = { status: this.change.status }
    else if (this.change.kind === 'title') patch = { title: `${current?.title ?? ''} (renamed in another tab)` }
    else {
      const messages = current?.recentMessages ?? []
      const message: InterviewMessage = {
        id: `00000000-0000-4000-8000-${String(messages.length).padStart(12, '0')}`,
        conversationId: current?.conversationId ?? 'none',
        status: 'completed',
        output: { text: 'Answered in another tab' },
        usage: { totalTokens: 1 },
        metadata: { turn: messages.length + 1 },
        createdAt: '2026-06-01T09:00:00.000Z',
      }
      patch = { recentMessages: [...messages, message] }
    }
    real.otherTab(id, patch)
    await real.step(model.intents)
  }
  toString() {
    const what = this.change.kind === 'status' ? `status=${this.change.status}` : this.change.kind
    return `otherTab(${sessionName(RACE_SESSIONS[this.session] ?? '')}: ${what})`
  }
}

/** Lets the server take or answer up to `count` parked requests, in the order the scheduler picks. */
export class Deliver implements RaceCommand {
  constructor(readonly count: number) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    await real.deliver(this.count, model.intents)
  }
  toString() {
    return `deliver(${this.count})`
  }
}

const BAD_IDS = ['not-a-uuid', '../x', '', `${RACE_SESSIONS[0]}/pause`, 'f'.repeat(4000)] as const

/** A call with an id that is not a UUID: it must fail at once with `invalid`, sending nothing. */
export class BadId implements RaceCommand {
  constructor(
    readonly which: number,
    readonly endpoint: 'pause' | 'resume' | 'get',
  ) {}
  check = () => true
  async run(model: RaceModel, real: RaceHarness) {
    const badId = BAD_IDS[this.which] ?? ''
    const { endpoints } = real.api
    const started = real.requestsSent()
    const result =
      this.endpoint === 'get'
        ? await real.store.dispatch(endpoints.getInterview.initiate(badId, { subscribe: false }))
        : await real.store.dispatch((this.endpoint === 'pause' ? endpoints.pauseInterview : endpoints.resumeInterview).initiate(badId))
    expect(result.error, `${this.toString()} fails at once`).toMatchObject({ kind: 'invalid' })
    expect(real.requestsSent(), `${this.toString()} sends nothing`).toBe(started)
    await real.step(model.intents)
  }
  toString() {
    return `${this.endpoint}(${JSON.stringify(BAD_IDS[this.which]?.slice(0, 40))})`
  }
}

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
const tabChange: fc.Arbitrary<TabChange> = fc.oneof(
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('active' as const, 'paused' as const, 'completed' as const) }),
  fc.constant({ kind: 'title' as const }),
  fc.constant({ kind: 'message' as const }),
)

/** Every command, weighted towards pause/resume and deliveries so that many requests overlap. */
export const raceCommands = fc.commands<RaceModel, RaceHarness, false>(
  [
    fc.oneof(
      {
        arbitrary: fc
          .tuple(session, fc.constantFrom<StatusAction>('pause', 'resume'), fc.constantFrom('store' as const, 'hook' as const), fault)
          .map(([s, action, via, f]) => new ChangeStatus(s, action, via, f)),
        weight: 6,
      },
      { arbitrary: fc.tuple(session, fault).map(([s, f]) => new RefetchDetail(s, f)), weight: 2 },
      { arbitrary: fc.tuple(fc.constantFrom(...LIST_VARIANTS), serverFault).map(([v, f]) => new RefetchList(v, f)), weight: 2 },
      { arbitrary: session.map((s) => new AbortCall(s)), weight: 2 },
      { arbitrary: fc.constant(new ResetApi()), weight: 1 },
      { arbitrary: fc.tuple(session, tabChange).map(([s, c]) => new OtherTab(s, c)), weight: 2 },
      { arbitrary: fc.integer({ min: 1, max: 6 }).map((n) => new Deliver(n)), weight: 5 },
      {
        arbitrary: fc
          .tuple(fc.integer({ min: 0, max: BAD_IDS.length - 1 }), fc.constantFrom('pause' as const, 'resume' as const, 'get' as const))
          .map(([b, e]) => new BadId(b, e)),
        weight: 1,
      },
    ),
  ],
  { maxCommands: 24, size: 'medium' },
)
