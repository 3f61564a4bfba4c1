import * as v from 'valibot'
import type { InterviewSession } from '../model/index.js'

const stringArray = v.array(v.string())

const messageSchema = v.looseObject({
  id: v.string(),
  conversationId: v.string(),
  status: v.string(),
  model: v.optional(v.string()),
  output: v.unknown(),
  temperature: v.optional(v.number()),
  usage: v.unknown(),
  metadata: v.unknown(),
  createdAt: v.string(),
})

/**
 * The full runtime schema of {@link InterviewSession}, every field of the API contract (valibot 1, a Standard Schema
 * v1 implementation). Unknown extra fields pass through untouched, and `status` accepts any string so that a status
 * this version does not know is shown, not rejected. Opt in by passing it to `createInterviewApi({ sessionSchema })`;
 * without it the api checks only the fields its cache relies on (`id`, `status`, `updatedAt`).
 *
 * @example
 * ```ts
 * import { sessionSchema } from 'interview-session-kit/schema'
 * const interviewApi = createInterviewApi({ getAccessToken, sessionSchema })
 * ```
 */
export const sessionSchema = v.looseObject({
  id: v.string(),
  topicIds: stringArray,
  topicLabels: v.optional(stringArray),
  title: v.string(),
  progress: v.number(),
  score: v.number(),
  targetScore: v.optional(v.number()),
  createdAt: v.string(),
  updatedAt: v.string(),
  lastInteractionAt: v.optional(v.string()),
  interviewerId: v.string(),
  conversationId: v.optional(v.string()),
  status: v.string(),
  retryPolicy: v.optional(
    v.looseObject({
      minCooldownHours: v.optional(v.number()),
      autoSuggestIfBelow: v.optional(v.number()),
    }),
  ),
  labels: v.optional(stringArray),
  notes: v.optional(v.string()),
  language: v.optional(v.picklist(['ko', 'en', 'ja'])),
  difficulty: v.optional(v.picklist([1, 2, 3, 4, 5])),
  recentMessages: v.optional(v.array(messageSchema)),
})

/** The outcome of {@link parseSession}: the session, or the problems found, one line each. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: string[] }

function describe(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue)
    return path ? `${path}: ${issue.message}` : issue.message
  })
}

/** Validates an unknown value as an {@link InterviewSession}. Never throws. */
export function parseSession(value: unknown): ParseResult<InterviewSession> {
  const result = v.safeParse(sessionSchema, value)
  return result.success ? { ok: true, value: result.output } : { ok: false, issues: describe(result.issues) }
}
