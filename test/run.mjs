// `npm test`: typecheck, lint, build, the package checks (size budget, publint, attw), then the vitest suites; ends with a plain `N passed, N failed` line for CI.
// `npm run test:browser` (`--browser`): only the real-browser projects (`browser`, `storybook`, `docs`), same closing line.
// Each run also writes its counts to `.test-results/<run>.counts` ("passed failed") for `.ci/run` to add up.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

const browser = process.argv.includes('--browser')
const run = browser ? 'browser' : 'unit'
const steps = browser
  ? []
  : [
      ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
      ['lint', 'npx', ['oxlint', '--deny-warnings', '-c', '.oxlintrc.json', 'src', 'test', 'stories', '.storybook']],
      ['build', 'npm', ['run', '--silent', 'build']],
      ['entries', 'node', ['test/package/checkEntries.mjs']],
      ['size budget', 'npx', ['size-limit']],
      ['publint', 'npx', ['publint', '--strict']],
      // The tarball of the build above: `attw --pack` would run prepack and build a second time.
      [
        'attw',
        'sh',
        [
          '-c',
          'rm -f .test-results/*.tgz && npm pack --silent --ignore-scripts --pack-destination .test-results >/dev/null && npx attw .test-results/*.tgz --profile esm-only',
        ],
      ],
    ]
mkdirSync('.test-results', { recursive: true })
let passed = 0
let failed = 0
for (const [name, cmd, args] of steps) {
  const result = spawnSync(cmd, args, { stdio: 'inherit' })
  if (result.status === 0) passed += 1
  else {
    failed += 1
    console.error(`${name} failed`)
  }
}

const projects = (process.env.TEST_PROJECTS ?? (browser ? 'browser,storybook,docs' : 'unit')).split(',')
const report = browser ? '.test-results/vitest-browser.json' : '.test-results/vitest.json'
rmSync(report, { force: true })
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  { stdio: 'inherit' },
)
try {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed += json.numPassedTests
  failed += json.numFailedTests + (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0)
  if (vitest.status !== 0 && json.numFailedTests === 0) failed += 1
} catch {
  failed += 1
  console.error('vitest produced no report')
}
writeFileSync(`.test-results/${run}.counts`, `${passed} ${failed}\n`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 && vitest.status === 0 ? 0 : 1)
