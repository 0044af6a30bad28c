import type { Context } from 'hono';

/** A Django-REST-style error answer `{"detail": "…"}`. */
export function detail(c: Context, status: number, message: string, headers?: Record<string, string>): Response {
  return c.json({ detail: message }, status as 400, headers);
}

/** The 404 every unknown path and unknown id answers. */
export function notFound(c: Context): Response {
  return detail(c, 404, 'Not found.');
}

/**
 * Reads a JSON request body as Django REST's JSON parser does: a non-JSON content type answers 415,
 * broken JSON 400. An empty body is `undefined` when `optional`.
 */
export async function readJson(c: Context, options: { optional?: boolean } = {}): Promise<{ body: unknown } | { error: Response }> {
  const contentType = c.req.header('content-type');
  const raw = await c.req.text();
  if (options.optional && raw.trim() === '') return { body: undefined };
  if (contentType && !/^application\/json\b/i.test(contentType)) {
    return { error: detail(c, 415, `Unsupported media type "${contentType}" in request.`) };
  }
  try {
    return { body: JSON.parse(raw) };
  } catch (error) {
    return { error: detail(c, 400, `JSON parse error - ${(error as Error).message}`) };
  }
}
