import { getResponse, http, RequestHandler } from 'msw'
import type { MswParameter } from 'msw-storybook-addon/csf3'
import { STORY_KIT_HEADER, type StoryKit } from './createStoryKit'

const routes = new Map<string, RequestHandler[]>()

/**
 * The one MSW handler of a docs page. Every story on the page renders inline and shares the page's worker, so the
 * worker cannot hold each story's own handlers at once (`mswLoader` keeps the last story's); this handler answers
 * each request with the handlers of the kit that sent it, named by the kit's `x-story-kit` header (or query parameter).
 */
export const kitRouter = http.all('/api/*', ({ request }) => {
  const kit = request.headers.get(STORY_KIT_HEADER) ?? new URL(request.url).searchParams.get(STORY_KIT_HEADER)
  const handlers = routes.get(kit ?? '')
  return handlers ? getResponse(handlers, request) : undefined
})

/**
 * Routes `kit`'s requests to `msw`'s handlers (the story's own groups first, as `mswLoader` would order them) and
 * returns the function that stops it.
 */
export function routeKit(kit: StoryKit, msw: MswParameter): () => void {
  const key = String(kit.id)
  routes.set(key, flatHandlers(msw))
  return () => routes.delete(key)
}

function flatHandlers(msw: MswParameter): RequestHandler[] {
  const groups = Array.isArray(msw) ? msw : Array.isArray(msw.handlers) ? msw.handlers : Object.values(msw.handlers ?? {})
  return groups.flat().filter((handler) => handler instanceof RequestHandler)
}
