import { act } from '@testing-library/react'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupMockServer } from '../support/apiHarness'
import { createRaceHarness } from './createRaceHarness'
import { channelFaults } from './fakeBroadcastChannel'
import { fuzzSettings } from './fuzzSettings'
import { emptyModel, raceCommands } from './raceCommands'

const mock = setupMockServer()
// The race's host callbacks fail on purpose (a throwing onUnauthorized, a throwing getAccessToken): the kit reports
// each once with console.error, which would flood the output.
beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => {}))
afterAll(() => vi.restoreAllMocks())
const { numRuns, seed } = fuzzSettings()
const totals = {
  sequences: 0,
  commands: 0,
  requests: 0,
  faults: 0,
  timeouts: 0,
  tokenFaults: 0,
  resets: 0,
  aborts: 0,
  intentChecks: 0,
  posted: 0,
  delivered: 0,
  duplicated: 0,
  dropped: 0,
  accepted: 0,
  ignored: 0,
  expired: 0,
  pushes: 0,
  focuses: 0,
}

/**
 * One sequence: commands in either tab interleaved with the releases (requests and cross-tab messages) the scheduler
 * picks, then a full drain with the settled checks, then what the hooks of both tabs render. `onTrace` receives the
 * run's trace of requests and messages (used to show that runs replay exactly).
 */
function raceProperty(onTrace?: (trace: readonly string[]) => void) {
  return fc.asyncProperty(fc.scheduler(), channelFaults, raceCommands, async (scheduler, faults, commands) => {
    mock.log.length = 0
    const model = emptyModel()
    const real = await createRaceHarness(mock, scheduler, faults, model)
    try {
      // One act scope for the whole run: the stores change many times between commands, and the hooks read them
      // when React renders at the end of the scope.
      await act(async () => {
        await fc.asyncModelRun(() => ({ model, real }), commands)
        await real.finish()
      })
      real.checkHooks()
      const stats = real.stats()
      totals.sequences += 1
      totals.commands += [...commands].length
      totals.requests += stats.requests
      totals.faults += stats.faults
      totals.timeouts += stats.timeouts
      totals.tokenFaults += stats.tokenFaults
      totals.resets += stats.resets
      totals.aborts += [...commands].filter((command) => /^[AB]\.abort\(/.test(command.toString())).length
      totals.intentChecks += stats.intentChecks
      totals.posted += stats.messages.posted
      totals.delivered += stats.messages.delivered
      totals.duplicated += stats.messages.duplicated
      totals.dropped += stats.messages.dropped
      totals.accepted += stats.heard.accepted
      totals.ignored += stats.heard.ignored
      totals.expired += stats.heard.expired
      totals.pushes += stats.pushes
      totals.focuses += stats.focuses
      onTrace?.([...real.trace, ...real.db.list().map((session) => `${session.id} ${session.status} ${session.updatedAt}`)])
    } finally {
      await real.dispose()
    }
  })
}

describe('race model: the client against the mock server under random interleavings and faults', () => {
  it(
    `keeps each tab's displayed status on the latest call in flight, its own or the other tab's, and both equal to the server once settled (${numRuns} runs)`,
    async () => {
      console.log(`race model: ${numRuns} runs, seed ${seed} (replay with FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns})`)
      await fc.assert(raceProperty(), { numRuns, seed })
      const per = (n: number) => (n / Math.max(1, totals.sequences)).toFixed(1)
      console.log(
        `race model: ${totals.sequences} sequences passed; per sequence ${per(totals.commands)} commands, ` +
          `${per(totals.requests)} requests (16 initial loads included), ${per(totals.faults)} server faults, ` +
          `${per(totals.intentChecks)} checks of a call waiting; messages ${per(totals.posted)} posted, ` +
          `${per(totals.delivered)} delivered, ${per(totals.duplicated)} repeated, ${per(totals.dropped)} lost; ` +
          `begins ${per(totals.accepted)} shown, ${per(totals.ignored)} ignored, ${per(totals.expired)} expired; ` +
          `${per(totals.pushes)} pushes, ${per(totals.focuses)} focus refetches; in all ${totals.timeouts} timeouts, ` +
          `${totals.tokenFaults} failing token reads, ${totals.aborts} aborts, ${totals.resets} resets`,
      )
    },
    numRuns * 3_000 + 60_000,
  )

  it('replays a run exactly for its seed', async () => {
    const runs: (readonly string[])[][] = [[], []]
    for (const traces of runs) {
      await fc.assert(
        raceProperty((trace) => traces.push(trace)),
        { numRuns: 4, seed: 7 },
      )
    }
    expect(runs[0]?.length).toBe(4)
    expect(runs[1]).toEqual(runs[0])
  }, 60_000)
})
