// The `interview-session-kit/mocks` entry: an MSW 2 mock server for the interview API. Imports `msw` only (never
// `msw/node` or `msw/browser`), so the same handlers serve Node tests, Storybook and the browser.

// Db
export { createInterviewDb } from './createInterviewDb.js'
export type {
  InterviewDb,
  InterviewDbOptions,
  MockSeed,
  MockSessionPatch,
  MockSessionRecord,
  MockUser,
} from './createInterviewDb.js'

// Handlers and failure scenarios
export { createInterviewHandlers } from './createInterviewHandlers.js'
export type { InterviewHandlers, InterviewHandlersOptions } from './createInterviewHandlers.js'
export { createHold } from './scenarios.js'
export type { MockHold, MockScenario, MockScenarioRule } from './scenarios.js'

// Server rules (plain functions, never throw)
export { handleInterviewRequest } from './handleInterviewRequest.js'
export type { MockEndpoint, MockReply, MockRequest } from './handleInterviewRequest.js'
export {
  checkJsonBody,
  checkSessionId,
  checkStatusQuery,
  getSession,
  listSessions,
  pauseSession,
  resumeSession,
} from './sessionRules.js'
export type {
  MockCheck,
  MockErrorBody,
  MockFailure,
  MockSessionListResult,
  MockSessionResult,
} from './sessionRules.js'
export { parseAuthorization } from './parseAuthorization.js'

// Demo data
export { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS, demoSeed } from './demoSeed.js'
