// `node examples/nextjs/run.mjs`: the Next.js example, end to end, from a clean clone. Packs the library (its prepack
// script builds it; the repository's own dependencies are installed first when missing), installs this example's
// dependencies from its lockfile and then the tarball, like any dependency, runs `next build`, starts `next start` on
// a free port, runs the Chromium check (e2e.mjs) and always stops the server. Prints how long each phase took, writes
// the counts to <repo>/.test-results/nextjs.counts, ends with `N passed, N failed` and exits non-zero on a failure.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const nextBin = join(here, 'node_modules/next/dist/bin/next')
const env = { ...process.env, CI: 'true', NEXT_TELEMETRY_DISABLED: '1' }
const npmQuiet = ['--no-audit', '--no-fund']

const timings = []
async function phase(name, body) {
  const started = performance.now()
  console.log(`\n== ${name}`)
  try {
    return await body()
  } finally {
    timings.push([name, (performance.now() - started) / 1000])
  }
}

const run = (command, args, cwd) => execFileSync(command, args, { cwd, env, stdio: 'inherit' })

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolvePort(port))
    })
  })
}

/** `next start` in a process group of its own (`detached`: setsid), so that stopping it reaches next-server too. */
function startServer(port) {
  const child = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: here,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const output = []
  child.stdout.on('data', (chunk) => output.push(chunk))
  child.stderr.on('data', (chunk) => output.push(chunk))
  const exited = new Promise((resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal })))
  let running = true
  void exited.then(() => (running = false))

  return {
    output: () => Buffer.concat(output).toString(),
    async ready(url, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline) {
        if (!running) throw new Error(`next start exited before it was ready:\n${Buffer.concat(output)}`)
        try {
          const response = await fetch(url, { redirect: 'manual' })
          if (response.status < 500) return
        } catch {
          // not listening yet
        }
        await new Promise((resolveWait) => setTimeout(resolveWait, 200))
      }
      throw new Error(`next start was not ready after ${timeoutMs} ms:\n${Buffer.concat(output)}`)
    },
    async stop() {
      const signalGroup = (signal) => {
        try {
          process.kill(-child.pid, signal)
        } catch {
          // the group is gone already
        }
      }
      signalGroup('SIGTERM')
      const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))])
      if (!stopped) console.log('next start did not stop within 5 s: killing its process group')
      // Whatever is left of the group (a next-server that outlived its parent) gets SIGKILL.
      signalGroup('SIGKILL')
    },
  }
}

let server
let counts = { passed: 0, failed: 0 }
const packDir = mkdtempSync(join(tmpdir(), 'interview-session-kit-nextjs-'))

// Ctrl-C or a CI timeout: stop the server before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void (server?.stop() ?? Promise.resolve()).then(() => process.exit(130))
  })
}

try {
  // The library's build tools (a clean clone has none yet; CI installed them already).
  if (!existsSync(join(root, 'node_modules'))) await phase('npm ci (library)', () => run('npm', ['ci', ...npmQuiet], root))
  const tarball = await phase('pack the library', () => {
    run('npm', ['pack', '--pack-destination', packDir], root)
    const name = readdirSync(packDir).find((file) => file.endsWith('.tgz'))
    if (!name) throw new Error('npm pack produced no tarball')
    return join(packDir, name)
  })

  await phase('npm ci (example)', () => run('npm', ['ci', ...npmQuiet], here))
  await phase('install the tarball', () => {
    // --no-package-lock: the tarball is not in the lockfile, and a locked file: tarball can come back stale from
    // npm's cache. --prefer-offline: the other packages were all just fetched by npm ci.
    run('npm', ['install', ...npmQuiet, '--prefer-offline', '--no-save', '--no-package-lock', tarball], here)
  })

  await phase('next build', () => run(process.execPath, [nextBin, 'build'], here))

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  await phase('next start', async () => {
    server = startServer(port)
    await server.ready(`${baseUrl}/`)
  })

  const { runChecks } = await import('./e2e.mjs')
  counts = await phase('Chromium check', () => runChecks(baseUrl))
  if (counts.failed > 0) console.log(`\n-- next start output --\n${server.output()}`)
} catch (error) {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`)
  counts.failed += 1
} finally {
  await server?.stop()
  rmSync(packDir, { recursive: true, force: true })
}

console.log('\nphase times:')
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(20)} ${seconds.toFixed(1)} s`)
mkdirSync(join(root, '.test-results'), { recursive: true })
writeFileSync(join(root, '.test-results/nextjs.counts'), `${counts.passed} ${counts.failed}\n`)
console.log(`${counts.passed} passed, ${counts.failed} failed`)
process.exit(counts.failed === 0 ? 0 : 1)
