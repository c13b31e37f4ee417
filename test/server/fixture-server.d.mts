import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request the fixture server saw. */
export interface LoggedRequest {
  at: number;
  method: string | undefined;
  url: string;
  host: string;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
  cookie: string | undefined;
  concurrentOnHost: number;
  status: number;
  /** Body bytes sent. */
  bytes: number;
}

/** A running fixture server. */
export interface FixtureServer {
  port: number;
  log: LoggedRequest[];
  overrides: Map<string, (req: IncomingMessage, res: ServerResponse, entry: LoggedRequest) => void>;
  /** The generated feeds at /gen/<feed>/<n>.xml: their current step and the time of post 0. */
  gen: { step: number; base: number };
  close(): Promise<void>;
}

export function startFixtureServer(opts?: { port?: number; latency?: [number, number]; quiet?: boolean; everyFeedExists?: boolean }): Promise<FixtureServer>;
