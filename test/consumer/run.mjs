// `npm run test:consumer`: pack the library (its prepack script builds it), copy this app to a directory outside the
// repository (so nothing resolves from the library's own node_modules), install the tarball there, then typecheck,
// build and test it with React 19, and typecheck and test it again with React 18.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '../..')
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'inherit' })

const packDir = mkdtempSync(join(tmpdir(), 'interview-session-kit-pack-'))
run('npm', ['pack', '--pack-destination', packDir], root)
const tarball = readdirSync(packDir).find((name) => name.endsWith('.tgz'))
if (!tarball) throw new Error('npm pack produced no tarball')

const app = mkdtempSync(join(tmpdir(), 'interview-session-kit-consumer-'))
const skip = new Set(['node_modules', 'dist', 'run.mjs'])
cpSync(here, app, { recursive: true, filter: (source) => !skip.has(source.slice(here.length + 1).split('/')[0]) })
// The README's host test, as the repository runs it on the sources: here on the tarball.
cpSync(join(root, 'test/testing/hostStyle.test.tsx'), join(app, 'test/hostStyle.test.tsx'))
run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', join(packDir, tarball)], app)
run('npm', ['run', 'typecheck'], app)
run('npm', ['run', 'build'], app)
run('npm', ['test'], app)

// The peer range says React 18 too: the same app, typechecked and tested against React 18 and its types.
const react18 = ['react@18.3.1', 'react-dom@18.3.1', '@types/react@18.3.23', '@types/react-dom@18.3.7']
run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', ...react18, join(packDir, tarball)], app)
run('npm', ['run', 'typecheck'], app)
run('npm', ['test'], app)
rmSync(packDir, { recursive: true, force: true })
rmSync(app, { recursive: true, force: true })
console.log('consumer check passed')
