// Next renders a page asked with HEAD as it renders a GET and drops the body, and the page cannot
// see the method. server.ts passes it on in HEAD_REQUEST_HEADER (overwriting whatever a client
// sent under that name), so that a HEAD (a link checker, an uptime monitor) counts as no view.

export const HEAD_REQUEST_HEADER = "x-promptuary-head";

/** Marks a node:http request as HEAD or not, for the render (server.ts, before routing). */
export function markHeadRequest(req: { method?: string; headers: Record<string, string | string[] | undefined> }): void {
  if (req.method === "HEAD") req.headers[HEAD_REQUEST_HEADER] = "1";
  else delete req.headers[HEAD_REQUEST_HEADER];
}

/** Whether the page being rendered was asked with HEAD. */
export function isHeadRequest(headers: Headers): boolean {
  return headers.get(HEAD_REQUEST_HEADER) === "1";
}
