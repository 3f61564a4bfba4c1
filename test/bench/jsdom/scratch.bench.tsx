import { afterAll, beforeAll, it } from 'vitest'
import { implementations } from '../impls/implementations'
import { createBenchServer, mountApp, pauseButton, statusText, until } from './benchHarness'
import { renderProbe } from '../support/renderProbe'
import { activeTargets } from '../support/benchSeed'

const net = createBenchServer()
beforeAll(() => net.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => net.server.close())
const SIZE = Number(process.env.SCRATCH_SIZE ?? 1000)

it('compare pause render', async () => {
  const out: Record<string, number[]> = {}
  const mounts: Record<string, number[]> = {}
  for (let round = 0; round < 3; round++) {
    for (const impl of implementations) {
      const c0 = process.cpuUsage()
      const m = await mountApp(net, impl, SIZE, ['all'])
      const c = process.cpuUsage(c0)
      ;(mounts[impl.key] ??= []).push(Math.round((c.user + c.system) / 1000))
      for (const i of activeTargets(SIZE, 6)) {
        renderProbe.reset()
        const p0 = process.cpuUsage()
        const row = m.row('all', i)!
        pauseButton(row)!.click()
        await until(() => statusText(row) === 'Paused', 'paused', 30_000, 2)
        await m.settle()
        const pc = process.cpuUsage(p0)
        if (round > 0) (out[impl.key] ??= []).push(Math.round((pc.user + pc.system) / 100) / 10)
      }
      m.unmount()
    }
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]
  for (const k of Object.keys(out)) console.log(k, 'pause cpu median', med(out[k]!), out[k]!.join(' '), '| mount cpu ms', mounts[k]!.join(' '))
}, 600_000)
