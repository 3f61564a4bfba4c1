// The `interview-session-kit/schema` entry: the full valibot schema of the session model, for
// `createInterviewApi({ sessionSchema })` and for hosts that validate sessions themselves. Kept out of the main entry
// so that apps which do not opt in never bundle valibot.
export { parseSession, sessionSchema } from './sessionSchema.js'
export type { ParseResult } from './sessionSchema.js'
