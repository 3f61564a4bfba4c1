import { act } from '@testing-library/react'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { setupMockServer } from '../support/apiHarness'
import { createRaceHarness } from './createRaceHarness'
import { fuzzSettings } from './fuzzSettings'
import { emptyModel, raceCommands } from './raceCommands'

const mock = setupMockServer()
// The race's host callbacks fail on purpose (a throwing onUnauthorized, a throwing getAccessToken): the kit reports
// each once with console.error, which would flood the output.
beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => {}))
afterAll(() => vi.restoreAllMocks())
const { numRuns, seed } = fuzzSettings()
const totals = { sequences: 0, commands: 0, requests: 0, faults: 0, timeouts: 0, tokenFaults: 0, resets: 0, aborts: 0, intentChecks: 0 }

/**
 * One sequence: commands interleaved with the releases the scheduler picks, then a full drain with the settled checks,
 * then what the hooks render. `onTrace` receives the run's request trace (used to show that runs replay exactly).
 */
function raceProperty(onTrace?: (trace: readonly string[]) => void) {
  return fc.asyncProperty(fc.scheduler(), raceCommands, async (scheduler, commands) => {
    mock.log.length = 0
    const real = await createRaceHarness(mock, scheduler)
    try {
      const model = emptyModel()
      // One act scope for the whole run: the store changes many times between commands, and the hooks read them
      // when React renders at the end of the scope.
      await act(async () => {
        await fc.asyncModelRun(() => ({ model, real }), commands)
        await real.finish(model.intents)
      })
      real.checkHooks()
      totals.sequences += 1
      totals.commands += [...commands].length
      const stats = real.stats()
      totals.requests += stats.requests
      totals.faults += stats.faults
      totals.timeouts += stats.timeouts
      totals.tokenFaults += stats.tokenFaults
      totals.resets += stats.resets
      totals.aborts += [...commands].filter((command) => command.toString().startsWith('abort(')).length
      totals.intentChecks += stats.intentChecks
      onTrace?.([...real.trace, ...real.db.list().map((session) => `${session.id} ${session.status} ${session.updatedAt}`)])
    } finally {
      await real.dispose()
    }
  })
}

describe('race model: the client against the mock server under random interleavings and faults', () => {
  it(
    `keeps the displayed status on the latest intent in flight and equal to the server once settled (${numRuns} runs)`,
    async () => {
      console.log(`race model: ${numRuns} runs, seed ${seed} (replay with FUZZ_SEED=${seed} FUZZ_RUNS=${numRuns})`)
      await fc.assert(raceProperty(), { numRuns, seed })
      const per = (n: number) => (n / Math.max(1, totals.sequences)).toFixed(1)
      console.log(
        `race model: ${totals.sequences} sequences passed; per sequence ${per(totals.commands)} commands, ` +
          `${per(totals.requests)} requests (8 initial loads included), ${per(totals.faults)} server faults, ` +
          `${per(totals.intentChecks)} checks of an open intent; in all ${totals.timeouts} timeouts, ` +
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
