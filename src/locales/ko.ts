import type { InterviewMessages } from '../i18n/index.js'

/**
 * Korean messages, for `<InterviewKitProvider messages={ko}>`.
 *
 * @example
 * ```tsx
 * import { ko } from 'interview-session-kit/locales/ko'
 * <InterviewKitProvider api={interviewApi} messages={ko}>…</InterviewKitProvider>
 * ```
 */
export const ko: InterviewMessages = {
  pause: '인터뷰 일시정지',
  pausing: '일시정지 중…',
  resume: '인터뷰 재개',
  resuming: '재개 중…',
  retry: '다시 시도',
  dismiss: '닫기',
  paused: '인터뷰가 일시정지되었습니다',
  resumed: '인터뷰가 재개되었습니다',
  statusActive: '진행 중',
  statusPaused: '일시정지됨',
  statusCompleted: '완료됨',
  statusUnknown: '{status}',
  statusLoading: '불러오는 중…',
  statusUnavailable: '사용할 수 없음',
  controlsLabel: '인터뷰 제어',
  errorUnauthorized: '로그인이 만료되었습니다. 다시 로그인해 주세요.',
  errorForbidden: '인터뷰를 만든 사용자만 일시정지하거나 재개할 수 있습니다.',
  errorNotFound: '인터뷰를 찾을 수 없거나 상태가 바뀌었습니다. 현재 상태를 표시합니다.',
  errorInvalid: '요청이 거부되었습니다: {details}',
  errorInvalidSessionId: '인터뷰 링크가 올바르지 않습니다.',
  errorServer: '서버가 요청을 처리하지 못했습니다. 다시 시도해 주세요.',
  errorNetwork: '서버에 연결할 수 없습니다. 네트워크 연결을 확인하고 다시 시도해 주세요.',
  errorTimeout: '서버 응답이 너무 늦습니다. 다시 시도해 주세요.',
  errorOffline: '오프라인 상태입니다. 인터넷에 다시 연결한 뒤 다시 시도해 주세요.',
  errorInvalidResponse: '서버가 예상하지 못한 응답을 보냈습니다. 현재 상태를 확인하고 있습니다.',
}
