import { Client } from "pg";

export interface Listener {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Called after every (re)connection: notifications sent while disconnected were missed. */
  onConnect?: () => void;
  onError?: (error: Error) => void;
  /** Wait before reconnecting after the connection broke. */
  retryMs?: number;
}

/**
 * LISTEN on `channel` over a connection of its own (a pooled one would be handed to others),
 * calling `onNotify` with each payload; reconnects when the connection breaks. PostgreSQL only.
 */
export async function listenForNotifications(connectionString: string, channel: string, onNotify: (payload: string) => void, options: ListenOptions = {}): Promise<Listener> {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`Unsupported channel name "${channel}"`);
  let closed = false;
  let client: Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const next = new Client({ connectionString });
    next.on("notification", (message) => onNotify(message.payload ?? ""));
    next.on("error", (error) => {
      options.onError?.(error);
      reconnect(next);
    });
    next.on("end", () => reconnect(next));
    await next.connect();
    await next.query(`LISTEN ${channel}`);
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    options.onConnect?.();
  };
  const reconnect = (broken: Client) => {
    if (closed || client !== broken) return;
    client = undefined;
    broken.removeAllListeners("end");
    void broken.end().catch(() => undefined);
    const attempt = () => {
      retry = undefined;
      if (closed) return;
      connect().catch((error: Error) => {
        options.onError?.(error);
        retry = setTimeout(attempt, options.retryMs ?? 1_000);
      });
    };
    retry = setTimeout(attempt, options.retryMs ?? 1_000);
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    },
  };
}
