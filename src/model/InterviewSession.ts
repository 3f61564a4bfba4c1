/**
 * The statuses the library knows. `active` and `paused` come from the API contract; `completed` is the natural end
 * of an interview. A server may send other strings: see {@link SessionStatusValue}.
 */
export type InterviewStatus = 'active' | 'paused' | 'completed'

/**
 * A status as received from the server: one of the known {@link InterviewStatus} values, or any other string,
 * which is shown as it is and offers neither pause nor resume.
 */
export type SessionStatusValue = InterviewStatus | (string & {})

/** Interview language. */
export type InterviewLanguage = 'ko' | 'en' | 'ja'

/** Interview difficulty, 1 (easiest) to 5. */
export type InterviewDifficulty = 1 | 2 | 3 | 4 | 5

/** When a retry of the interview is suggested. */
export interface InterviewRetryPolicy {
  minCooldownHours?: number
  autoSuggestIfBelow?: number
}

/** One message of the interview's conversation history. Its payloads are opaque to the library. */
export interface InterviewMessage {
  id: string
  conversationId: string
  status: string
  model?: string
  output: unknown
  temperature?: number
  usage: unknown
  metadata: unknown
  createdAt: string
}

/** An interview session exactly as the API sends it. */
export interface InterviewSession {
  id: string
  topicIds: string[]
  topicLabels?: string[]
  title: string
  progress: number
  score: number
  targetScore?: number
  createdAt: string
  updatedAt: string
  lastInteractionAt?: string
  interviewerId: string
  conversationId?: string
  status: SessionStatusValue
  retryPolicy?: InterviewRetryPolicy
  labels?: string[]
  notes?: string
  language?: InterviewLanguage
  difficulty?: InterviewDifficulty
  recentMessages?: InterviewMessage[]
}
