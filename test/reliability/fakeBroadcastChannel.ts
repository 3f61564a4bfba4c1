import fc, { type Scheduler } from 'fast-check'
import type { InterviewSession, StatusAction } from 'interview-session-kit'
import { sessionName, type TabName } from './raceSessions'

/** What becomes of one posted message: delivered once, delivered twice (a repeat), or lost. */
export type MessageFate = 'once' | 'twice' | 'lost'

/**
 * The channel's faults for one run: the fate of the n-th message posted; messages past the end of the list are
 * delivered once. How long each delivery takes, and so the order in which they arrive (repeats included), is not a
 * setting: every delivery is parked on the run's fast-check scheduler, which releases it among the server's steps.
 */
export class ChannelFaults {
  constructor(readonly fates: readonly MessageFate[]) {}
  fateOf(n: number): MessageFate {
    return this.fates[n] ?? 'once'
  }
  // Counterexamples print as `channel(..2x.)`: `.` once, `2` twice, `x` lost.
  [fc.toStringMethod](): string {
    return `channel(${this.fates.map((fate) => (fate === 'once' ? '.' : fate === 'twice' ? '2' : 'x')).join('')})`
  }
}

const fateArbitrary = (twice: number, lost: number): fc.Arbitrary<MessageFate> =>
  fc.oneof(
    { arbitrary: fc.constant<MessageFate>('once'), weight: 10 },
    ...(twice > 0 ? [{ arbitrary: fc.constant<MessageFate>('twice'), weight: twice }] : []),
    ...(lost > 0 ? [{ arbitrary: fc.constant<MessageFate>('lost'), weight: lost }] : []),
  )

/** Per run: how often messages are repeated and lost (none, some, many), then the fate of each of the first 40. */
export const channelFaults: fc.Arbitrary<ChannelFaults> = fc
  .tuple(fc.constantFrom(0, 2, 6), fc.constantFrom(0, 2, 6))
  .chain(([twice, lost]) => fc.array(fateArbitrary(twice, lost), { maxLength: 40 }))
  .map((fates) => new ChannelFaults(fates))

/** A message of the kit's cross-tab protocol, as far as the race model reads it. */
export type TabMessage =
  | { type: 'begin'; from: string; key: string; call: number; action: StatusAction }
  | { type: 'end'; from: string; key: string; calls: number[]; copy?: InterviewSession }

function readMessage(data: unknown): TabMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined
  const message = data as Partial<Record<string, unknown>>
  if (typeof message.from !== 'string' || typeof message.key !== 'string') return undefined
  if (message.type === 'begin' || message.type === 'end') return data as TabMessage
  return undefined
}

/** `begin #3 pause s1`, `end #3,#4 s1 (paused @…01.004Z)`: how a message reads in traces and scheduler reports. */
export function describeMessage(message: TabMessage): string {
  if (message.type === 'begin') return `begin #${message.call} ${message.action} ${sessionName(message.key)}`
  const copy = message.copy ? ` (${message.copy.status} @${message.copy.updatedAt.slice(-8)})` : ' (no copy)'
  return `end ${message.calls.map((call) => `#${call}`).join(',')} ${sessionName(message.key)}${copy}`
}

/** What the run does with each delivery, and what it counts. */
export interface ChannelObserver {
  /** A message is about to reach tab `to`: `dispatch` hands it to the tab's channel (its `onmessage`). */
  deliver(to: TabName, message: TabMessage, dispatch: () => void): void
  trace(line: string): void
  /** A post the model cannot read (the kit swallows errors thrown by `postMessage`, so this is how it is told). */
  unreadable(data: unknown): void
}

/**
 * A `BroadcastChannel` for the tabs of one race run, installed as the global one for the run. As the real one: a
 * channel never hears its own posts, every other open channel of the same name does, and each receiver gets its own
 * structured clone. Unlike it: each delivery waits on the fast-check scheduler (so the scheduler decides delays and
 * order, and a run is the same for its seed), and the run's {@link ChannelFaults} repeat or lose messages.
 */
export function createTabChannels(scheduler: Scheduler, faults: ChannelFaults, observer: ChannelObserver) {
  const open = new Set<FakeBroadcastChannel>()
  const stats = { posted: 0, delivered: 0, duplicated: 0, dropped: 0 }
  const state = { opening: undefined as TabName | undefined, closed: false }

  class FakeBroadcastChannel {
    readonly name: string
    readonly tab: TabName
    onmessage: ((event: { data: unknown }) => void) | null = null
    #closed = false

    constructor(name: string) {
      if (!state.opening) throw new Error(`BroadcastChannel(${name}) opened outside a race tab`)
      this.name = String(name)
      this.tab = state.opening
      open.add(this)
    }

    postMessage(data: unknown): void {
      if (this.#closed) throw new DOMException('BroadcastChannel is closed', 'InvalidStateError')
      const message = readMessage(data)
      if (!message) return observer.unreadable(data)
      if (state.closed) return
      const fate = faults.fateOf(stats.posted)
      stats.posted += 1
      for (const target of open) {
        if (target === this || target.name !== this.name) continue
        const route = `${this.tab}→${target.tab} ${describeMessage(message)}`
        if (fate === 'lost') {
          stats.dropped += 1
          observer.trace(`${route} [lost]`)
          continue
        }
        if (fate === 'twice') stats.duplicated += 1
        for (let copy = fate === 'twice' ? 2 : 1; copy > 0; copy -= 1) {
          const clone = structuredClone(message)
          void scheduler.schedule(Promise.resolve(), `✉ ${route}`).then(() => target.#receive(clone, route))
        }
      }
    }

    #receive(message: TabMessage, route: string) {
      if (state.closed || this.#closed) return
      stats.delivered += 1
      observer.trace(route)
      observer.deliver(this.tab, message, () => this.onmessage?.({ data: message }))
    }

    close(): void {
      this.#closed = true
      open.delete(this)
    }

    // Node's channel keeps the process alive unless unreferenced; this one never does.
    unref(): void {}
  }

  let saved: PropertyDescriptor | undefined
  return {
    stats: stats as Readonly<typeof stats>,
    /** Replaces `globalThis.BroadcastChannel` until `restore()`. */
    install() {
      saved = Object.getOwnPropertyDescriptor(globalThis, 'BroadcastChannel')
      Object.defineProperty(globalThis, 'BroadcastChannel', { value: FakeBroadcastChannel, configurable: true, writable: true })
    },
    /** Channels opened while `create` runs belong to `tab` (a store opens its channel when it is created). */
    openAs<T>(tab: TabName, create: () => T): T {
      state.opening = tab
      try {
        return create()
      } finally {
        state.opening = undefined
      }
    },
    /** Closes the network (nothing is delivered any more) and puts the real `BroadcastChannel` back. */
    restore() {
      state.closed = true
      open.clear()
      if (saved) Object.defineProperty(globalThis, 'BroadcastChannel', saved)
      else Reflect.deleteProperty(globalThis, 'BroadcastChannel')
    },
  }
}

export type TabChannels = ReturnType<typeof createTabChannels>
