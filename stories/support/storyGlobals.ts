import type { Preview, StoryContext } from '@storybook/react-vite'
import { en, type InterviewMessages } from 'interview-session-kit'
import { ja } from 'interview-session-kit/locales/ja'
import { ko } from 'interview-session-kit/locales/ko'
import type { DemoUser } from './createStoryKit'

type Globals = StoryContext['globals']

/** The toolbar switches: the components' locale, the signed-in demo user, and the light or dark theme. */
export const storyGlobalTypes: NonNullable<Preview['globalTypes']> = {
  locale: {
    description: 'Language of the components',
    toolbar: {
      title: 'Locale',
      icon: 'globe',
      items: [
        { value: 'en', title: 'English' },
        { value: 'ko', title: '한국어' },
        { value: 'ja', title: '日本語' },
      ],
      dynamicTitle: true,
    },
  },
  user: {
    description: 'The signed-in demo user (Bob may not pause or resume Alice’s sessions)',
    toolbar: {
      title: 'User',
      icon: 'user',
      items: [
        { value: 'alice', title: 'Alice Kim' },
        { value: 'bob', title: 'Bob Tanaka' },
      ],
      dynamicTitle: true,
    },
  },
  theme: {
    description: 'Light or dark theme: the components (data-isk-theme on the story’s root) and the page around them',
    toolbar: {
      title: 'Theme',
      icon: 'contrast',
      items: [
        { value: 'light', title: 'Light', icon: 'sun' },
        { value: 'dark', title: 'Dark', icon: 'moon' },
      ],
      dynamicTitle: true,
    },
  },
}

/** The globals every story starts with. */
export const storyInitialGlobals: { locale: StoryLocale; user: DemoUser; theme: StoryTheme } = {
  locale: 'en',
  user: 'alice',
  theme: 'light',
}

/** The languages the stories offer. */
export type StoryLocale = 'en' | 'ko' | 'ja'

const catalogues: Record<StoryLocale, InterviewMessages> = { en, ko, ja }

/** The locale the toolbar selected. */
export function localeOf(globals: Globals): StoryLocale {
  const locale: unknown = globals.locale
  return locale === 'ko' || locale === 'ja' ? locale : 'en'
}

/** The messages of the locale the toolbar selected, as the provider gets them. */
export function messagesOf(globals: Globals): InterviewMessages {
  return catalogues[localeOf(globals)]
}

/** The themes of the default stylesheet, as `data-isk-theme` takes them. */
export type StoryTheme = 'light' | 'dark'

/** The theme the toolbar selected. */
export function themeOf(globals: Globals): StoryTheme {
  return globals.theme === 'dark' ? 'dark' : 'light'
}

/** The demo user the toolbar selected. */
export function userOf(globals: Globals): DemoUser {
  return globals.user === 'bob' ? 'bob' : 'alice'
}
