import type { InterviewApiError } from '../api/index.js'
import { formatMessage, type InterviewMessages } from '../i18n/index.js'

/**
 * The message shown for an error, by kind (and, for `network` and `invalid`, by reason), in the provider's messages.
 *
 * @example
 * ```tsx
 * const { messages } = useInterviewKit()
 * const { error } = useInterviewControls(id)
 * return error ? <p role="alert">{describeError(error, messages)}</p> : null
 * ```
 */
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
      return error.reason === 'timeout'
        ? messages.errorTimeout
        : error.reason === 'offline'
          ? messages.errorOffline
          : messages.errorNetwork
    case 'invalidResponse':
      return messages.errorInvalidResponse
    default:
      return error satisfies never
  }
}
