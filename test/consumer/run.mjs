// `npm run test:consumer`: pack the library (its prepack script builds it), install the tarball into this app, then
// typecheck, build and test it with React 19, and typecheck and test it again with React 18.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
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

rmSync(join(here, 'node_modules'), { recursive: true, force: true })
run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', join(packDir, tarball)], here)
run('npm', ['run', 'typecheck'], here)
run('npm', ['run', 'build'], here)
run('npm', ['test'], here)

// The peer range says React 18 too: the same app, typechecked and tested against React 18 and its types.
const react18 = ['react@18.3.1', 'react-dom@18.3.1', '@types/react@18.3.23', '@types/react-dom@18.3.7']
run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', ...react18, join(packDir, tarball)], here)
run('npm', ['run', 'typecheck'], here)
run('npm', ['test'], here)
rmSync(packDir, { recursive: true, force: true })
console.log('consumer check passed')
