import type { DocsContainerProps } from '@storybook/addon-docs/blocks'
import { lazy, Suspense, useLayoutEffect, useState, useSyncExternalStore, type PropsWithChildren } from 'react'
import { GLOBALS_UPDATED } from 'storybook/internal/core-events'
import { themeOf, type StoryTheme } from './storyGlobals'
import { showPageIn } from './withTheme'

type Channel = DocsContainerProps['context']['channel']

/**
 * Storybook's docs container with its own light and dark docs themes, on the page colours of `stories.css`. Loaded
 * when a docs page first renders, as Storybook loads its docs blocks: a story shown on its own does not wait for them.
 */
const DocsContainerIn = lazy(async () => {
  const [{ DocsContainer }, { create }] = await Promise.all([import('@storybook/addon-docs/blocks'), import('storybook/theming')])
  const docsThemes = {
    light: create({ base: 'light', appContentBg: '#ffffff', appPreviewBg: '#ffffff' }),
    dark: create({ base: 'dark', appContentBg: '#0d1117', appPreviewBg: '#0d1117' }),
  } satisfies Record<StoryTheme, ReturnType<typeof create>>
  function Themed({ theme, context, children }: PropsWithChildren<{ theme: StoryTheme; context: DocsContainerProps['context'] }>) {
    return (
      <DocsContainer context={context} theme={docsThemes[theme]}>
        {children}
      </DocsContainer>
    )
  }
  return { default: Themed }
})

/** The theme in a `GLOBALS_UPDATED` event's payload (`{ globals, … }`); light when it names none. */
function themeIn(update: unknown): StoryTheme {
  const globals: unknown = isObject(update) && 'globals' in update ? update.globals : undefined
  return themeOf({ theme: isObject(globals) && 'theme' in globals ? globals.theme : undefined })
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

/**
 * The toolbar's theme as the preview announces it: the last `GLOBALS_UPDATED` (sent before a docs page renders), then
 * each new one. The payload is read in the listener: the channel records an event as its last only after its
 * listeners have run.
 */
function announcedTheme(channel: Channel) {
  const last = () => {
    const args: unknown = channel.last(GLOBALS_UPDATED)
    return themeIn(Array.isArray(args) ? args[0] : undefined)
  }
  let theme = last()
  return {
    subscribe(onChange: () => void) {
      const listener = (update: unknown) => {
        theme = themeIn(update)
        onChange()
      }
      theme = last()
      channel.on(GLOBALS_UPDATED, listener)
      return () => channel.off(GLOBALS_UPDATED, listener)
    },
    current: () => theme,
  }
}

/**
 * Storybook's docs container in the toolbar's theme: the docs page itself (prose, code blocks, tables) and the page
 * behind it turn dark with the stories, and follow the toolbar while the page is open.
 */
export function ThemedDocsContainer({ context, children }: PropsWithChildren<DocsContainerProps>) {
  const [announced] = useState(() => announcedTheme(context.channel))
  const theme = useSyncExternalStore(announced.subscribe, announced.current)
  useLayoutEffect(() => showPageIn(theme), [theme])
  return (
    <Suspense fallback={null}>
      <DocsContainerIn theme={theme} context={context}>
        {children}
      </DocsContainerIn>
    </Suspense>
  )
}
