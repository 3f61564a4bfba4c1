import { act } from '@testing-library/react'
import type { Scheduler } from 'fast-check'
import type { InterviewSession } from 'interview-session-kit'
import { expect } from 'vitest'
import type { setupMockServer } from '../support/apiHarness'
import { createRaceServer } from './createRaceServer'
import { createRaceTab, type RaceTab } from './createRaceTab'
import { createExpiryClock } from './expiryClock'
import { createTabChannels, type ChannelFaults } from './fakeBroadcastChannel'
import { createHeardChanges } from './heardChanges'
import type { RaceModel } from './raceCommands'
import { createRaceInvariants, failRun } from './raceInvariants'
import { EXPIRY_MS, sessionName, TABS, type TabName } from './raceSessions'

// How many event-loop turns in a row nothing may move before the system counts as quiet.
const QUIET_ROUNDS = 2

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve))
const clockTick = () => new Promise<void>((resolve) => setTimeout(resolve, 1))

/**
 * One run of the race model: the race server (fresh db, every request parked on the scheduler), two tabs (each its
 * own api and store, the same `reducerPath`, the detail of each of the five sessions and the three list variants
 * mounted, a `useInterviewControls` hook per session), and between them a fake `BroadcastChannel` whose deliveries
 * are parked on the scheduler too, repeated or lost as the run's {@link ChannelFaults} say. The tabs' expiry of each
 * other's changes is held on the run's own clock (time passes only when the model says so). Time only moves when the
 * scheduler releases a request or a message; in between, the harness waits until both tabs and the server are quiet,
 * so a run is the same for its seed, and checks the invariants of both tabs.
 */
export async function createRaceHarness(
  mock: ReturnType<typeof setupMockServer>,
  scheduler: Scheduler,
  faults: ChannelFaults,
  model: RaceModel,
) {
  const server = createRaceServer(mock, scheduler)
  const { db, counters } = server
  const calls = { open: 0, settled: 0, intentChecks: 0, arrivals: 0 }
  const counts = { pushes: 0, focuses: 0, resets: 0 }
  const problems: string[] = []
  const fail = (message: string): never => failRun(server, message)

  const clock = createExpiryClock(EXPIRY_MS)
  const channels = createTabChannels(scheduler, faults, {
    deliver(to, message, dispatch) {
      heard.hear(to, message)
      clock.during(to, dispatch)
    },
    trace: (line) => server.trace.push(line),
    unreadable: (data) => void problems.push(`a tab posted a message the model cannot read: ${JSON.stringify(data)}`),
  })
  clock.install()
  channels.install()
  let tabs: Record<TabName, RaceTab>
  try {
    // Both pages load at once (their reads go straight through: the race starts once both have loaded).
    const [a, b] = await Promise.all([createRaceTab('A', server, channels), createRaceTab('B', server, channels)])
    tabs = { A: a, B: b }
  } catch (error) {
    channels.restore()
    clock.restore()
    server.stopListening()
    throw error
  }
  const heard = createHeardChanges({
    holds: (tab, id) => tabs[tab].holds(id),
    ownWaiting: (tab, id) => (model.tabs[tab].intents.get(id)?.pending ?? 0) > 0,
    arrival: () => (calls.arrivals += 1),
  })
  for (const name of TABS) tabs[name].renderHooks()
  server.state.gated = true

  /** The action of the latest call waiting in a tab: its own, or another tab's it heard of, whichever came later. */
  const waiting = (tab: TabName, id: string) => {
    const own = model.tabs[tab].intents.get(id)
    const other = heard.latest(tab, id)
    if (own && own.pending > 0 && (!other || own.at > other.at)) return own.latest
    return other?.action
  }
  const invariants = {
    A: createRaceInvariants(server, 'A', tabs.A, { waiting: (id) => waiting('A', id), created: () => model.tabs.A.created }),
    B: createRaceInvariants(server, 'B', tabs.B, { waiting: (id) => waiting('B', id), created: () => model.tabs.B.created }),
  }

  function check() {
    if (problems.length > 0) fail(problems.join('; '))
    for (const name of TABS) {
      calls.intentChecks += invariants[name].checkInFlight()
      // Each other tab's change a tab shows has its expiry timer: the tab shows exactly the changes the model says.
      const shows = clock.heldFor(name)
      if (shows !== heard.count(name)) fail(`tab ${name} shows ${shows} changes of the other tab, the model ${heard.count(name)}`)
    }
    if (clock.heldFor(undefined) > 0) fail(`a timer of ${EXPIRY_MS} ms was set outside a delivery`)
  }

  const running = () => tabs.A.running() + tabs.B.running()
  const timeoutsInFlight = () => tabs.A.client.timeoutsInFlight + tabs.B.client.timeoutsInFlight
  const signature = () => [
    tabs.A.store.getState(),
    tabs.B.store.getState(),
    counters.started,
    counters.ended,
    counters.atServer,
    scheduler.count(),
    calls.settled,
    timeoutsInFlight(),
    channels.stats.delivered,
  ]

  /** Lets the tabs and the server run until nothing moves: every request and message is parked or done. */
  async function quiesce() {
    let last = signature()
    let still = 0
    for (let round = 0; round < 1000; round += 1) {
      // A request armed with a timeout ends by the clock: wait for it (in clock time), so runs stay the same for
      // their seed.
      await (timeoutsInFlight() > 0 ? clockTick() : macrotask())
      const next = signature()
      if (timeoutsInFlight() === 0 && next.every((value, index) => value === last[index])) {
        still += 1
        if (still === QUIET_ROUNDS) return
      } else {
        still = 0
        last = next
      }
    }
    fail('the tabs and the server never went quiet')
  }

  /** Releases everything, including the revalidations the library starts and the messages, until nothing runs. */
  async function drain() {
    for (let round = 0; round < 10_000; round += 1) {
      await quiesce()
      check()
      if (scheduler.count() > 0) {
        await scheduler.waitNext(1)
        continue
      }
      if (running() === 0 && counters.atServer === 0 && calls.open === 0) return
      fail(`stuck: ${running()} requests running, ${calls.open} calls open, nothing left to release`)
    }
    fail('never drained')
  }

  /** Time passes: every other tab's change a tab still shows (its end was lost) expires, and is read again. */
  function passTime() {
    clock.passTime()
    heard.expireAll()
  }

  const step = async () => {
    await quiesce()
    check()
  }

  return {
    db,
    trace: server.trace,
    tab: (name: TabName): RaceTab => tabs[name],
    /** The next number in the run's order of arrivals (a tab's own call, or another tab's it hears of). */
    arrival: () => (calls.arrivals += 1),
    /** Requests, faults, messages, pushes, focus refetches, expiries, checks made with a call waiting. */
    stats: () => ({
      requests: counters.started,
      faults: counters.faults,
      timeouts: tabs.A.client.timeouts + tabs.B.client.timeouts,
      tokenFaults: tabs.A.client.tokenFaults + tabs.B.client.tokenFaults,
      resets: counts.resets,
      intentChecks: calls.intentChecks,
      messages: channels.stats,
      heard: heard.counts,
      pushes: counts.pushes,
      focuses: counts.focuses,
    }),
    /** Counts a pause/resume call as open until it settles (the quiet check waits for it). */
    track(call: PromiseLike<unknown>, settled: () => void) {
      calls.open += 1
      const done = () => {
        calls.open -= 1
        calls.settled += 1
        settled()
      }
      call.then(done, done)
    },
    /** Counts requests sent so far (a call with an invalid id must send none). */
    requestsSent: () => counters.started,
    step,
    /** `resetApiState` in one tab (a logout): afterwards nothing of what was cached shows; the entries subscribe again. */
    async reset(name: TabName) {
      const left = clock.during(`${name} reset`, () => tabs[name].reset())
      counts.resets += 1
      if (left > 0) fail(`tab ${name}: reset: ${left} cache entries remain`)
      heard.reset(name)
      server.forget(name)
      invariants[name].forgetEntries()
      await step()
    },
    /** Releases up to `count` parked requests or messages one at a time, in the order the scheduler picks. */
    async deliver(count: number) {
      for (let i = 0; i < count && scheduler.count() > 0; i += 1) {
        await scheduler.waitNext(1)
        await step()
      }
    },
    async passTime() {
      passTime()
      await step()
    },
    /** The server pushes the db's copy of a session to a tab, or an older one (a push that arrives late). */
    async push(name: TabName, id: string, older: boolean) {
      const versions = server.history.get(id) ?? []
      const copy: InterviewSession | undefined = older ? versions.at(-2) : db.get(id)
      if (copy) {
        server.pushed(name, id, !older)
        counts.pushes += 1
        const result = tabs[name].push(copy)
        if (!result.data) fail(`tab ${name}: push of ${sessionName(id)} refused: ${JSON.stringify(result.error)}`)
      }
      await step()
    },
    async focus(name: TabName) {
      tabs[name].focus()
      counts.focuses += 1
      await step()
    },
    otherDevice: server.otherDevice,
    /**
     * Drains, lets time pass (the changes of the other tab whose end was lost expire, and those a reset dropped are
     * read again), drains again, and checks the settled invariants of both tabs. When a session changed behind a
     * tab's back, nothing in the run read it again for sure: then the tab reads those sessions and its lists again (a
     * return to the tab), and every cache entry of it is checked exact.
     */
    async finish() {
      await drain()
      if (heard.count('A') + heard.count('B') + clock.heldFor('A reset') + clock.heldFor('B reset') > 0) {
        passTime()
        await drain()
      }
      for (const name of TABS) invariants[name].checkSettled(tabs[name].unusedFaults())
      const behind = TABS.filter((name) => server.dirty[name].size > 0)
      if (behind.length === 0) return
      server.clearFaults()
      // The return to the tabs is not part of the race: its reads go straight through. Every other entry was checked
      // exact already.
      server.state.gated = false
      for (const name of behind) tabs[name].refetch(server.dirty[name])
      await drain()
      for (const name of behind) invariants[name].checkExact()
    },
    /** What `useInterviewControls` shows in each tab once React has rendered the final store state. */
    checkHooks() {
      for (const name of TABS) {
        for (const [id, controls] of tabs[name].renderedControls()) {
          expect(controls.status, `tab ${name}: useInterviewControls(${sessionName(id)}).status`).toBe(db.get(id)?.status)
          expect(controls.isPending, `tab ${name}: useInterviewControls(${sessionName(id)}).isPending`).toBe(false)
        }
      }
    },
    /** Unmounts, lets whatever a failed run left parked finish ungated, stops listening, puts the globals back. */
    async dispose() {
      try {
        for (const name of TABS) tabs[name].unmount()
        server.state.gated = false
        await act(async () => {
          for (let round = 0; round < 1000; round += 1) {
            while (scheduler.count() > 0) await scheduler.waitNext(1)
            for (let i = 0; i < 5; i += 1) await macrotask()
            if (running() === 0 && scheduler.count() === 0 && counters.atServer === 0) break
          }
        })
        for (const name of TABS) tabs[name].unsubscribe()
      } finally {
        server.stopListening()
        channels.restore()
        clock.restore()
      }
    },
  }
}

export type RaceHarness = Awaited<ReturnType<typeof createRaceHarness>>
