import { getResponse } from 'msw'
import { handlers } from '../../mockBackend'

// MSW needs Node.js APIs: not the edge runtime.
export const runtime = 'nodejs'

/** Answers `/api/interviews…` with the library's mock server; anything else under `/api` is a 404. */
async function handle(request: Request): Promise<Response> {
  // The handlers' base URL is relative ('/api'): resolve it against the origin the request came to.
  const response = await getResponse(handlers, request, { baseUrl: new URL(request.url).origin })
  return response ?? Response.json({ error: 'Not found' }, { status: 404 })
}

export const GET = handle
export const POST = handle
