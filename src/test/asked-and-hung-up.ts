// A connection as the cluster's primary hands it to a worker after a flood: accepted but not read
// yet, with the client's request and its hang-up both waiting in the receive buffer. Give it to an
// HTTP server with `server.emit("connection", socket)` and `socket.resume()`.
import { connect, createServer, type AddressInfo, type Socket } from "node:net";

/** A paused, unread server-side socket on which a client wrote `request` and hung up. */
export async function askedAndHungUp(request: string): Promise<Socket> {
  const socket = await new Promise<Socket>((resolve) => {
    const acceptor = createServer({ pauseOnConnect: true }, resolve);
    acceptor.listen(0, "127.0.0.1", () => {
      const client = connect((acceptor.address() as AddressInfo).port, "127.0.0.1", () => client.end(request));
      client.on("error", () => {}); // the server may reset a connection it will not answer
      client.on("close", () => acceptor.close());
      client.resume();
    });
  });
  await new Promise((r) => setTimeout(r, 50)); // the request and the FIN are in the receive buffer
  return socket;
}
