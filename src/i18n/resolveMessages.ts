import { en } from './en.js'
import type { InterviewMessages } from './InterviewMessages.js'

/**
 * English with `overrides` applied: a full catalogue (`ko`, `ja`, or your own) or a few strings. Only the keys of
 * {@link InterviewMessages} with a string value count: an `undefined` (a partial translation file) keeps English.
 */
export function resolveMessages(overrides?: Partial<InterviewMessages>): InterviewMessages {
  if (!overrides) return en
  const messages = { ...en }
  for (const key of Object.keys(en) as (keyof InterviewMessages)[]) {
    const value = Object.hasOwn(overrides, key) ? overrides[key] : undefined
    if (typeof value === 'string') messages[key] = value
  }
  return messages
}

/** Replaces `{name}` placeholders in `template` with `values[name]`; unknown names become empty. */
export function formatMessage(template: string, values: Record<string, string | undefined>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (Object.hasOwn(values, name) ? values[name] : undefined) ?? '')
}
