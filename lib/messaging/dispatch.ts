/** Routing a runtime message to its handler, after checking who sent it. */
import { senderKind, type SenderInfo } from './check-sender';
import type { Handlers } from './handlers';
import type { Request } from './protocol';

const CONTENT_ALLOWED = new Set<Request['type']>(['feeds-detected']);

/**
 * Returns the reply to a message, or an `{ error }` reply; never throws, so a bad message
 * cannot take the worker down.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: SenderInfo,
  self: { id: string; origin: string },
): Promise<unknown> {
  if (typeof message !== 'object' || message === null || typeof (message as { type?: unknown }).type !== 'string') {
    return { error: 'not an Orrery message' };
  }
  const type = (message as { type: string }).type;
  if (!Object.hasOwn(handlers, type)) return { error: `unknown message type "${type}"` };
  const kind = senderKind(sender, self.id, self.origin);
  const req = message as Request;
  if (kind === 'foreign' || (kind === 'content' && !CONTENT_ALLOWED.has(req.type))) {
    return { error: `"${type}" is not allowed from this sender` };
  }
  try {
    const handler = handlers[req.type] as (r: Request, s: SenderInfo) => Promise<unknown>;
    return await handler(req, sender);
  } catch (err) {
    console.error('[orrery:messaging]', type, err);
    return { error: err instanceof Error ? err.message : String(err) };
  }
}
