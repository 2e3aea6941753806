// `npm start` on a port another process already serves must stop at once with a message naming the
// port, before it builds, opens the embedded database or seeds anything.
import { createServer } from "node:net";

export class PortInUseError extends Error {
  constructor(port: number, host: string) {
    super(`Port ${port} on ${host} is already in use by another process. Stop it, or start Promptuary on another port: PORT=${port + 1} npm start`);
  }
}

/** Resolves when `port` can be listened on; rejects with PortInUseError (or the bind error) when not. */
export function assertPortAvailable(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => reject(error.code === "EADDRINUSE" ? new PortInUseError(port, host) : error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
