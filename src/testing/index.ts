// The `interview-session-kit/testing` entry: what a host's tests need to render its screens on the kit's mock server.
// It needs `msw` and, for renderWithInterviewKit, `@testing-library/react` and `@testing-library/user-event`.
export { createTestInterviewKit, TEST_BASE_URL } from './createTestInterviewKit.js'
export type { TestInterviewKit, TestInterviewKitOptions } from './createTestInterviewKit.js'
export { renderWithInterviewKit } from './renderWithInterviewKit.js'
export type { InterviewKitRenderResult, RenderWithInterviewKitOptions } from './renderWithInterviewKit.js'
export { setupInterviewServer } from './setupInterviewServer.js'
export type { InterviewServerOptions } from './setupInterviewServer.js'
export { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS } from 'interview-session-kit/mocks'
