import type { MockSeed } from './createInterviewDb.js'
import { DEMO_USERS } from './demoIds.js'
import { demoSessions } from './demoSessions.js'
import { deepFreeze } from './deepFreeze.js'

export { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS } from './demoIds.js'

/**
 * The default seed of {@link createInterviewDb}: users `alice` and `bob` ({@link DEMO_USERS}, tokens in
 * {@link DEMO_TOKENS}) and sessions in every status ({@link DEMO_SESSION_IDS}), in English, Korean and Japanese,
 * with conversation history. Fixed ids and 2026 dates; deeply frozen (a db works on its own copy).
 */
export const demoSeed: MockSeed = deepFreeze({
  users: [DEMO_USERS.alice, DEMO_USERS.bob],
  sessions: demoSessions,
})
