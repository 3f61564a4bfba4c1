import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type ViteUserConfig } from 'vitest/config'
import chromiumArgs from './test/browser/chromiumArgs.json' with { type: 'json' }

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url))

// Tests and stories import the package by name, so a missing public export fails them.
export const alias = {
  'interview-session-kit/mocks': src('mocks/index.ts'),
  'interview-session-kit/schema': src('schema/index.ts'),
  'interview-session-kit/locales/ko': src('locales/ko.ts'),
  'interview-session-kit/locales/ja': src('locales/ja.ts'),
  'interview-session-kit/testing': src('testing/index.ts'),
  'interview-session-kit': src('index.ts'),
}

// Debian's Chromium: Playwright's own browser download is not available on these machines.
const chromiumLaunchOptions = { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs }

// Peers and runtime dependencies stay external: the app that installs the package provides them once.
// The testing entry imports the package's own entries by name, so that it shares their one copy (and its registry of
// apis) with the app under test.
const external = [
  /^react($|\/)/,
  /^react-dom($|\/)/,
  /^react-redux($|\/)/,
  /^@reduxjs\/toolkit($|\/)/,
  /^axios($|\/)/,
  /^msw($|\/)/,
  /^valibot$/,
  /^@testing-library\//,
  /^interview-session-kit($|\/)/,
]

// `vite build --mode lib`: the library itself, ESM, one file per entry (plus the shared model chunk), with
// sourcemaps. Declarations come from `tsc -p tsconfig.build.json`.
const libraryConfig: ViteUserConfig = {
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    target: 'es2022',
    lib: {
      entry: {
        index: src('index.ts'),
        mocks: src('mocks/index.ts'),
        schema: src('schema/index.ts'),
        'locales/ko': src('locales/ko.ts'),
        'locales/ja': src('locales/ja.ts'),
        testing: src('testing/index.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      output: {
        // Next.js App Router: the entry with components is a client module. Module-level directives are dropped
        // when bundling, so the banner puts it back at the top of that entry only.
        banner: (chunk) => (chunk.name === 'index' ? "'use client';" : ''),
        chunkFileNames: 'shared/[name].js',
      },
    },
  },
}

// A function config, and the browser tooling imported inside it: `.storybook/main.ts` imports `alias` from this
// file, and the Storybook plugin loads `.storybook/main.ts`, so nothing Storybook-related may run on import.
export default defineConfig(async ({ mode }): Promise<ViteUserConfig> => {
  if (mode === 'lib') return libraryConfig
  const [{ playwright }, { storybookTest }] = await Promise.all([
    import('@vitest/browser-playwright'),
    import('@storybook/addon-vitest/vitest-plugin'),
  ])
  // A new object per project: Vitest writes each project's name into its browser instances.
  const browser = () => ({
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions }),
    instances: [{ browser: 'chromium' as const }],
  })
  return {
    plugins: [react()],
    resolve: { alias },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            environment: 'jsdom',
            globals: true,
            include: ['test/**/*.test.{ts,tsx}'],
            exclude: ['test/browser/**', 'test/consumer/**', 'test/bench/**'],
            setupFiles: ['test/setup.ts'],
            typecheck: { enabled: false },
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['test/browser/**/*.browser.test.tsx'],
            setupFiles: ['test/setup.ts'],
            browser: browser(),
          },
        },
        {
          extends: true,
          plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
          test: { name: 'storybook', browser: browser() },
        },
        {
          extends: true,
          test: {
            // Node drives Chromium (Playwright) through every docs page of the static Storybook, built by the setup.
            name: 'docs',
            environment: 'node',
            include: ['test/browser/**/*.node.test.ts'],
            globalSetup: ['test/browser/staticStorybook.setup.ts'],
            // The pages are timed: after the other projects, so that nothing else loads the machine meanwhile.
            sequence: { groupOrder: 1 },
          },
        },
      ],
    },
  }
})
