export type { InterviewMessages } from './InterviewMessages.js'
export { en } from './en.js'
export { formatMessage, resolveMessages } from './resolveMessages.js'
