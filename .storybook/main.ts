import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'
import { alias } from '../vite.config.ts'

// The package's stylesheet by its name, as an app imports it. An alias list (not a map), so that Vite tries it before
// the package's own name, which would otherwise match it first; the story tests get it too, since the Vitest plugin
// merges this config into theirs.
const stylesheet = fileURLToPath(new URL('../src/styles/styles.css', import.meta.url))
const aliases = [
  { find: /^interview-session-kit\/styles\.css$/, replacement: stylesheet },
  ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })),
]

/** Storybook, set up by hand: React + Vite, stories on the MSW mock server, docs, a11y and Vitest addons. */
const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.tsx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // Serves public/mockServiceWorker.js at the root, where msw's worker registers it.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite')
    return mergeConfig(viteConfig, { resolve: { alias: aliases } })
  },
}

export default config
