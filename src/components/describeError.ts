import type { InterviewApiError } from '../api/index.js'
import { formatMessage, type InterviewMessages } from '../i18n/index.js'

/** The message shown for an error, by kind, in the provider's locale. */
export function describeError(error: InterviewApiError, messages: InterviewMessages): string {
  switch (error.kind) {
    case 'unauthorized':
      return messages.errorUnauthorized
    case 'forbidden':
      return messages.errorForbidden
    case 'notFound':
      return messages.errorNotFound
    case 'invalid':
      return error.reason === 'invalidSessionId'
        ? messages.errorInvalidSessionId
        : formatMessage(messages.errorInvalid, { details: error.details ?? error.error ?? '' })
    case 'server':
      return messages.errorServer
    case 'network':
      return messages.errorNetwork
    case 'invalidResponse':
      return messages.errorInvalidResponse
    default:
      return error satisfies never
  }
}
