import type { InterviewMessages } from '../i18n/index.js'

/**
 * Japanese messages, for `<InterviewKitProvider messages={ja}>`.
 *
 * @example
 * ```tsx
 * import { ja } from 'interview-session-kit/locales/ja'
 * <InterviewKitProvider api={interviewApi} messages={ja}>…</InterviewKitProvider>
 * ```
 */
export const ja: InterviewMessages = {
  pause: '面接を一時停止',
  pausing: '一時停止中…',
  resume: '面接を再開',
  resuming: '再開中…',
  retry: '再試行',
  dismiss: '閉じる',
  paused: '面接を一時停止しました',
  resumed: '面接を再開しました',
  statusActive: '進行中',
  statusPaused: '一時停止中',
  statusCompleted: '完了',
  statusUnknown: '{status}',
  statusLoading: '読み込み中…',
  statusUnavailable: '利用できません',
  controlsLabel: '面接の操作',
  errorUnauthorized: 'ログインの有効期限が切れました。もう一度ログインしてください。',
  errorForbidden: 'この面接を一時停止・再開できるのは作成者だけです。',
  errorNotFound: '面接が見つからないか、状態が変わりました。現在の状態を表示しています。',
  errorInvalid: 'リクエストが拒否されました: {details}',
  errorInvalidSessionId: 'この面接のリンクは無効です。',
  errorServer: 'サーバーがリクエストを処理できませんでした。もう一度お試しください。',
  errorNetwork: 'サーバーに接続できません。接続を確認して、もう一度お試しください。',
  errorTimeout: 'サーバーの応答に時間がかかりすぎています。もう一度お試しください。',
  errorOffline: 'オフラインです。インターネットに再接続してから、もう一度お試しください。',
  errorInvalidResponse: 'サーバーから予期しない応答がありました。現在の状態を確認しています。',
}
