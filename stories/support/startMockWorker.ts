import { setupWorker, type SetupWorker } from 'msw/browser'

/**
 * Starts MSW's service worker (public/mockServiceWorker.js) with no handlers of its own. A request to the mock API
 * that no handler answers is an error; everything else (modules, assets) passes through quietly.
 */
export async function startMockWorker(): Promise<SetupWorker> {
  const worker = setupWorker()
  await worker.start({
    quiet: true,
    onUnhandledRequest(request, print) {
      if (new URL(request.url).pathname.startsWith('/api/')) print.error()
    },
  })
  return worker
}
