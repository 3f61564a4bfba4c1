import type { MockUser } from './createInterviewDb.js'
import { deepFreeze } from './deepFreeze.js'

/** The demo users' bearer tokens. */
export const DEMO_TOKENS: { readonly alice: string; readonly bob: string } = Object.freeze({
  alice: 'demo-token-alice',
  bob: 'demo-token-bob',
})

/** The demo users: `alice` owns sessions in every status, `bob` owns a few of his own. */
export const DEMO_USERS: { readonly alice: MockUser; readonly bob: MockUser } = deepFreeze({
  alice: { id: '57ee05cd-e009-42c7-bebf-f20686734721', token: DEMO_TOKENS.alice, name: 'Alice Kim' },
  bob: { id: '923a7369-94e3-4f91-9a61-dbe22e44158b', token: DEMO_TOKENS.bob, name: 'Bob Tanaka' },
})

/**
 * Ids of the demo sessions, by role. All of `alice` unless named after `bob`; `missing` is a valid UUID that no
 * session has.
 */
export const DEMO_SESSION_IDS = Object.freeze({
  /** alice, active, en — the most recently updated of hers. */
  active: 'a170b338-3926-4059-b28c-105d1fb17c23',
  /** alice, active, ko. */
  active2: '9531985d-5d9d-49f8-9818-e811892f902b',
  /** alice, active, ja. */
  active3: '0cb1e29c-658c-4a14-95e6-0af593bd04cf',
  /** alice, paused, ko. */
  paused: '230d977e-e225-4159-8720-771f8ca81811',
  /** alice, paused, en (same `updatedAt` as `paused`: ordered by id). */
  paused2: '5affb229-7631-4992-b0ce-583505c6af07',
  /** alice, completed, ja. */
  completed: '7f26144b-9828-4fcd-99a5-4a7bb1fee08f',
  /** alice, status `'archived'`, a status the library does not know. */
  unknownStatus: '8e81973e-0bec-47b0-b898-d190f9ebdacc',
  /** bob, active. */
  bobActive: '92276658-1e27-41c0-8a6a-63ec24ede6a4',
  /** bob, paused. */
  bobPaused: '57124242-5051-41cc-917f-9acae01f5057',
  /** A valid UUID no session has. */
  missing: '7f150524-34b9-45df-9e77-69b10f4205b4',
} as const)
