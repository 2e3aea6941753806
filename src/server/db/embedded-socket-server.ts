// Serves the embedded PGlite to several client connections (the server's processes, the CLI, psql)
// on a loopback socket. PGlite is one PostgreSQL session, so connections must take turns in units
// the protocol allows:
// - a connection's messages run together up to the message that ends a request (Sync, simple Query,
//   Flush, Terminate). pglite-socket 0.2.17 queued single messages, so another connection's Parse
//   could land between this one's Parse and Bind ("portal does not exist", rows of the wrong query,
//   lost commits with three processes at once);
// - while a connection is inside a transaction (or between a Flush and its Sync) only it runs;
//   the others' requests wait. A connection that goes away inside a transaction is rolled back.
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { StatementCache } from "./statement-cache";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
/** Message types after which the client waits for an answer: Sync, Query, Flush, Terminate. */
const REQUEST_ENDS = new Set(["S", "Q", "H", "X"].map((c) => c.charCodeAt(0)));
const FLUSH = "H".charCodeAt(0);
/** Marks the start-up packet's unit (it has no message type). */
const STARTUP = 0;
const TERMINATE = "X".charCodeAt(0);

const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);

/** A simple-protocol Query message. */
function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message.write("Q", 0, "latin1");
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

type Connection = { id: number; socket: Socket; buffer: Buffer; started: boolean; pending: Buffer[]; open: boolean };
type Unit = { connection: Connection; bytes: Buffer; endsWith: number };

export class EmbeddedSocketServer {
  private server: Server | null = null;
  private readonly connections = new Set<Connection>();
  private queue: Unit[] = [];
  private running = false;
  /** The connection that holds the session (in a transaction, or between a Flush and its Sync). */
  private holder: Connection | null = null;
  private nextId = 1;
  private stopped = false;
  private readonly statements: StatementCache;

  constructor(
    private readonly db: PGlite,
    private readonly opts: { host: string; port: number; maxConnections: number; maxStatements?: number },
  ) {
    this.statements = new StatementCache(opts.maxStatements);
  }

  async start(): Promise<number> {
    await this.db.waitReady;
    const server = createServer((socket) => this.accept(socket));
    server.maxConnections = this.opts.maxConnections;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.opts.port, this.opts.host, () => resolve());
    });
    return (server.address() as { port: number }).port;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const c of this.connections) c.socket.destroy();
    this.connections.clear();
    this.queue = [];
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private accept(socket: Socket) {
    socket.setNoDelay(true);
    const connection: Connection = { id: this.nextId++, socket, buffer: Buffer.alloc(0), started: false, pending: [], open: true };
    this.connections.add(connection);
    socket.on("data", (chunk) => this.receive(connection, chunk));
    socket.on("error", () => socket.destroy());
    socket.on("close", () => void this.drop(connection));
  }

  /** Splits the stream into protocol messages and queues each finished request as one unit. */
  private receive(c: Connection, chunk: Buffer) {
    c.buffer = c.buffer.length ? Buffer.concat([c.buffer, chunk]) : chunk;
    for (;;) {
      if (!c.started) {
        // Untyped start-up packets: int32 length, int32 code.
        if (c.buffer.length < 8) return;
        const length = c.buffer.readInt32BE(0);
        if (c.buffer.length < length) return;
        const code = c.buffer.readInt32BE(4);
        const packet = c.buffer.subarray(0, length);
        c.buffer = c.buffer.subarray(length);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          c.socket.write("N");
          continue;
        }
        if (code === CANCEL_REQUEST) {
          c.socket.end(); // not supported by an embedded session
          return;
        }
        c.started = true;
        this.enqueue({ connection: c, bytes: Buffer.from(packet), endsWith: STARTUP });
        continue;
      }
      if (c.buffer.length < 5) return;
      const length = 1 + c.buffer.readInt32BE(1);
      if (c.buffer.length < length) return;
      const type = c.buffer[0];
      c.pending.push(Buffer.from(c.buffer.subarray(0, length)));
      c.buffer = c.buffer.subarray(length);
      if (type === TERMINATE) {
        c.pending = [];
        c.socket.end();
        return;
      }
      if (REQUEST_ENDS.has(type)) {
        const bytes = c.pending.length === 1 ? c.pending[0] : Buffer.concat(c.pending);
        c.pending = [];
        this.enqueue({ connection: c, bytes, endsWith: type });
      }
    }
  }

  private enqueue(unit: Unit) {
    this.queue.push(unit);
    void this.run();
  }

  private next(): Unit | undefined {
    const holder = this.holder;
    if (!holder) return this.queue.shift();
    // A new connection's start-up touches no session state: it need not wait for the holder.
    const at = this.queue.findIndex((u) => u.connection === holder || u.endsWith === STARTUP);
    return at < 0 ? undefined : this.queue.splice(at, 1)[0];
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    try {
      for (let unit = this.next(); unit; unit = this.next()) {
        const { connection, bytes, endsWith } = unit;
        if (!connection.open) continue;
        try {
          const answer = endsWith === STARTUP ? await this.exec(bytes) : await this.answer(bytes);
          if (connection.open && answer.length) connection.socket.write(answer);
        } catch (error) {
          console.error("[embedded database]", error);
          connection.socket.destroy();
        }
        if (endsWith !== STARTUP) this.holder = endsWith === FLUSH || this.db.isInTransaction() ? connection : null;
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Runs one request on the session and answers it, through a kept prepared statement when it is one
   * parameterised query (statement-cache.ts): once again, as it came, when the kept one was gone and
   * nothing of the request ran.
   */
  private async answer(bytes: Buffer): Promise<Buffer> {
    if (!this.db.isInTransaction()) {
      const closing = this.statements.takeClosing();
      if (closing) await this.execDiscarding(closing);
    }
    const request = this.statements.prepare(bytes);
    if (!request) return this.exec(bytes);
    const settled = this.statements.settle(request, await this.exec(request.bytes));
    if (settled.retry && !this.db.isInTransaction()) return this.answer(bytes);
    return settled.answer;
  }

  /** The session's whole answer to protocol bytes. */
  private async exec(bytes: Buffer): Promise<Buffer> {
    // PGlite hands the answer over message by message; one socket write per message was a system
    // call each (a seventh of this process's time under load), so the answer is gathered and
    // written once. Copies: `data` is a view of PGlite's memory, reused.
    const answer: Buffer[] = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        onRawData: (data) => {
          if (data.length) answer.push(Buffer.from(data));
        },
      }),
    );
    return answer.length === 1 ? answer[0] : Buffer.concat(answer);
  }

  /** Runs protocol bytes on the session and throws the answer away (through the same raw path as
   * clients: PGlite keeps the last raw-data callback, so its own query API would lose its answer). */
  private async execDiscarding(bytes: Uint8Array) {
    await this.db.runExclusive(() => this.db.execProtocolRawStream(bytes, { onRawData: () => {} })).catch(() => {});
  }

  /** A closed connection's queued requests are dropped; a transaction it left open is rolled back. */
  private async drop(c: Connection) {
    if (!c.open || this.stopped) return;
    c.open = false;
    this.connections.delete(c);
    this.queue = this.queue.filter((u) => u.connection !== c);
    if (this.holder === c) {
      // Others keep waiting (the session is still this connection's) until what it left open ends:
      // Sync closes an extended-protocol request left without one, ROLLBACK its transaction.
      while (this.running) await new Promise((resolve) => setImmediate(resolve));
      if (this.stopped) return;
      await this.execDiscarding(SYNC);
      if (this.db.isInTransaction()) await this.execDiscarding(simpleQuery("ROLLBACK"));
      this.holder = null;
    }
    void this.run();
  }
}
