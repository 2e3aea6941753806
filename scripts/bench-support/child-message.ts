// The next IPC message a forked bench role sends (its port, its results), or an error if it exits first.
import type { ChildProcess } from "node:child_process";

export function nextMessage<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: T) => {
      child.off("exit", onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => {
      child.off("message", onMessage);
      reject(new Error(`${what} exited (${code}) before answering`));
    };
    child.once("message", onMessage);
    child.once("exit", onExit);
  });
}
