// `vitest run --config test/bench/vitest.config.ts`: the jsdom half of `npm run bench` (the browser half is
// `node test/bench/browser/run.mjs`, which also prints the table).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { alias } from '../../vite.config'

const root = fileURLToPath(new URL('../..', import.meta.url))

export default defineConfig({
  root,
  plugins: [react()],
  // The production JSX runtime: react/jsx-dev-runtime has no jsxDEV in production React.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  resolve: {
    alias: [
      ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })),
      // Production React, with the profiling build of react-dom so that <Profiler onRender> still reports: timings
      // without development-only work (React's dev checks, RTK's immutability/serializability middleware).
      { find: /^react-dom\/client$/, replacement: 'react-dom/profiling' },
    ],
  },
  test: {
    name: 'bench',
    environment: 'jsdom',
    include: ['test/bench/jsdom/**/*.bench.{ts,tsx}'],
    // Results go to the git-ignored .bench/ of the repository, wherever vitest is started from.
    env: { NODE_ENV: 'production', BENCH_OUT_DIR: `${root}/.bench` },
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
})
