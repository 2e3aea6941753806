// Prepared statements kept in the embedded database's one session, shared by every connection of
// its socket server (embedded-socket-server.ts). In PGlite (PostgreSQL compiled to WASM) planning
// is the dearest part of most statements: about 70% of a prompt page's database time. The clients
// (Prisma's driver adapter, pg) send each parameterised query as an unnamed statement, which is
// planned every time. This turns such a request (Parse, Bind, Describe, Execute, Sync with the
// unnamed statement) into one on a named statement per distinct text, prepared once: PostgreSQL's
// plan cache then re-plans only when it finds a custom plan worth it (and whenever the tables it
// reads change shape). The client sees the answer it would have got: the ParseComplete of a Parse
// left out is put back. Least recently used statements beyond MAX_STATEMENTS are closed.
const PARSE = 0x50; // 'P'
const BIND = 0x42; // 'B'
const DESCRIBE = 0x44; // 'D'
const EXECUTE = 0x45; // 'E'
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const CLOSE = 0x43; // 'C'
const ERROR_RESPONSE = 0x45; // 'E', from the server
const PARSE_COMPLETE_TYPE = 0x31; // '1'
const PARSE_COMPLETE = Buffer.from([PARSE_COMPLETE_TYPE, 0, 0, 0, 4]);
const SYNC_MESSAGE = Buffer.from([SYNC, 0, 0, 0, 4]);

/** Distinct statement texts kept prepared (a plan each, in the database's memory). */
export const MAX_STATEMENTS = 500;

/** SQLSTATEs that say a kept statement can no longer be used as it is. */
const STATEMENT_GONE = "26000"; // invalid_sql_statement_name: someone deallocated it
const RESULT_TYPE_CHANGED = "0A000"; // "cached plan must not change result type": its table changed

type Message = { type: number; start: number; end: number };

/** A request rewritten for the session, and how to settle its answer. */
export type PreparedRequest = {
  /** What to run instead of the client's bytes. */
  bytes: Buffer;
  key: string;
  name: string;
  /** The statement was prepared before: its Parse was left out, and its ParseComplete is owed. */
  reused: boolean;
};

/** What to do with an answer: send `answer`; or, when `retry`, run the client's request again (nothing of it ran). */
export type Settled = { answer: Buffer; retry: boolean };

function messagesOf(bytes: Buffer): Message[] | null {
  const out: Message[] = [];
  for (let at = 0; at < bytes.length; ) {
    if (at + 5 > bytes.length) return null;
    const end = at + 1 + bytes.readInt32BE(at + 1);
    if (end > bytes.length || end < at + 5) return null;
    out.push({ type: bytes[at], start: at, end });
    at = end;
  }
  return out;
}

/** The C string at `at` and where it ends (its NUL), or null. */
function cString(bytes: Buffer, at: number, end: number): { text: string; next: number } | null {
  const nul = bytes.indexOf(0, at);
  if (nul < 0 || nul >= end) return null;
  return { text: bytes.toString("utf8", at, nul), next: nul + 1 };
}

function message(type: number, body: Buffer): Buffer {
  const out = Buffer.alloc(5 + body.length);
  out[0] = type;
  out.writeInt32BE(4 + body.length, 1);
  body.copy(out, 5);
  return out;
}

const nameBytes = (name: string) => Buffer.from(`${name}\0`, "utf8");

/** The SQLSTATEs of the ErrorResponses in an answer. */
function errorCodes(answer: Buffer): string[] {
  const codes: string[] = [];
  const messages = messagesOf(answer);
  for (const m of messages ?? []) {
    if (m.type !== ERROR_RESPONSE) continue;
    for (let at = m.start + 5; at < m.end && answer[at] !== 0; ) {
      const field = answer[at];
      const value = cString(answer, at + 1, m.end);
      if (!value) break;
      if (field === 0x43 /* 'C' */) codes.push(value.text);
      at = value.next;
    }
  }
  return codes;
}

export class StatementCache {
  /** Statement definition (query text and parameter types, as the Parse carries them) → its name; oldest use first. */
  private readonly names = new Map<string, string>();
  /** Names to close once no transaction is open. */
  private closing: string[] = [];
  private generation = 0;
  private sequence = 0;

  constructor(private readonly max = MAX_STATEMENTS) {}

  /** How many statements are kept prepared. */
  get size(): number {
    return this.names.size;
  }

  /**
   * The request rewritten onto a named statement, or null to run it as it came: anything but one
   * unnamed Parse, Bind, optional Describe, Execute and Sync (a simple Query, a client's own named
   * statements, pipelines of several statements) passes through.
   */
  prepare(bytes: Buffer): PreparedRequest | null {
    const messages = messagesOf(bytes);
    if (!messages) return null;
    if (messages.length === 1 && messages[0].type === QUERY) {
      // Someone dropping every prepared statement of the session: forget ours (their names are not reused).
      if (/\b(deallocate|discard)\b/i.test(bytes.toString("utf8", 5, messages[0].end))) this.forgetAll();
      return null;
    }
    const types = messages.map((m) => m.type);
    const shape = types.length === 5 ? [PARSE, BIND, DESCRIBE, EXECUTE, SYNC] : [PARSE, BIND, EXECUTE, SYNC];
    if (types.length !== shape.length || types.some((t, i) => t !== shape[i])) return null;
    const [parse, bind] = messages;
    const describe = types.length === 5 ? messages[2] : null;
    // Parse: statement name, then the definition (query text, parameter types). Unnamed only.
    if (bytes[parse.start + 5] !== 0) return null;
    const definition = bytes.subarray(parse.start + 6, parse.end);
    // Bind: portal name, statement name (both unnamed), then the rest as it is.
    const portal = cString(bytes, bind.start + 5, bind.end);
    if (!portal || portal.text !== "") return null;
    const statement = cString(bytes, portal.next, bind.end);
    if (!statement || statement.text !== "") return null;
    const bindRest = bytes.subarray(statement.next, bind.end);
    if (describe) {
      const target = cString(bytes, describe.start + 6, describe.end);
      if (!target || target.text !== "") return null;
    }

    const key = definition.toString("latin1");
    const held = this.names.get(key);
    const name = held ?? `pq${this.generation}_${++this.sequence}`;
    if (held) {
      // Most recently used last.
      this.names.delete(key);
      this.names.set(key, held);
    }
    const parts: Buffer[] = [];
    if (!held) parts.push(message(PARSE, Buffer.concat([nameBytes(name), definition])));
    parts.push(message(BIND, Buffer.concat([Buffer.from([0]), nameBytes(name), bindRest])));
    if (describe) {
      const kind = bytes[describe.start + 5];
      parts.push(message(DESCRIBE, Buffer.concat([Buffer.from([kind]), kind === 0x53 /* 'S' */ ? nameBytes(name) : Buffer.from([0])])));
    }
    parts.push(bytes.subarray(messages[types.length - 2].start, messages[types.length - 2].end)); // Execute
    parts.push(SYNC_MESSAGE);
    return { bytes: Buffer.concat(parts), key, name, reused: Boolean(held) };
  }

  /** Learns from the answer to a rewritten request, and gives the client the answer it expects. */
  settle(request: PreparedRequest, answer: Buffer): Settled {
    const codes = errorCodes(answer);
    if (codes.includes(STATEMENT_GONE) || codes.includes(RESULT_TYPE_CHANGED)) {
      // Gone, or planned for columns that changed: prepare it afresh under a new name.
      if (this.names.get(request.key) === request.name) this.names.delete(request.key);
      if (codes.includes(RESULT_TYPE_CHANGED)) this.closing.push(request.name);
      return { answer, retry: request.reused };
    }
    if (request.reused) return { answer: Buffer.concat([PARSE_COMPLETE, answer]), retry: false };
    // Kept only once the session says it was prepared (a Parse in an aborted transaction, or of bad SQL, is not).
    if (answer[0] === PARSE_COMPLETE_TYPE && !this.names.has(request.key)) {
      this.names.set(request.key, request.name);
      for (const [key, name] of this.names) {
        if (this.names.size <= this.max) break;
        this.names.delete(key);
        this.closing.push(name);
      }
    }
    return { answer, retry: false };
  }

  /** Close messages (and a Sync) for statements let go, to run when no transaction is open; null when there are none. */
  takeClosing(): Buffer | null {
    if (!this.closing.length) return null;
    const closes = this.closing.map((name) => message(CLOSE, Buffer.concat([Buffer.from([0x53]), nameBytes(name)])));
    this.closing = [];
    return Buffer.concat([...closes, SYNC_MESSAGE]);
  }

  private forgetAll() {
    this.names.clear();
    this.closing = [];
    this.generation++;
  }
}
