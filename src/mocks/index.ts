// The `interview-session-kit/mocks` entry: an MSW 2 mock server for the interview API. Imports `msw` only (never
// `msw/node` or `msw/browser`), so the same handlers serve Node tests, Storybook and the browser.

// Db
export { createInterviewDb } from './createInterviewDb'
export type {
  InterviewDb,
  InterviewDbOptions,
  MockSeed,
  MockSessionPatch,
  MockSessionRecord,
  MockUser,
} from './createInterviewDb'

// Handlers and failure scenarios
export { createInterviewHandlers } from './createInterviewHandlers'
export type { InterviewHandlers, InterviewHandlersOptions } from './createInterviewHandlers'
export { createHold } from './scenarios'
export type { MockHold, MockScenario, MockScenarioRule } from './scenarios'

// Server rules (plain functions, never throw)
export { handleInterviewRequest } from './handleInterviewRequest'
export type { MockEndpoint, MockReply, MockRequest } from './handleInterviewRequest'
export {
  checkJsonBody,
  checkSessionId,
  checkStatusQuery,
  getSession,
  listSessions,
  pauseSession,
  resumeSession,
} from './sessionRules'
export type {
  MockCheck,
  MockErrorBody,
  MockFailure,
  MockSessionListResult,
  MockSessionResult,
} from './sessionRules'
export { parseAuthorization } from './parseAuthorization'

// Demo data
export { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS, demoSeed } from './demoSeed'
