import type { PGlite } from "@electric-sql/pglite";
import type { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** The parts of pglite-socket's (private) query queue we replace. */
type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve(bytes: number): void;
  reject(error: unknown): void;
  onData(data: Uint8Array): void;
};
type QueryQueue = {
  db: PGlite;
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue(): Promise<void>;
  clearTransactionIfNeeded(handlerId: number): Promise<void>;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const FIRST_TYPE_BYTE = 0x41; // protocol messages start with a letter; startup/SSL/cancel packets do not

/**
 * PGlite is one Postgres session; pglite-socket multiplexes client connections onto it one protocol
 * message at a time, keeping only *transactions* together. An extended-protocol query is several
 * messages (Parse, Bind, Describe, Execute … Sync) sharing the session's unnamed statement and portal,
 * so two connections interleaving them break each other ("portal \"\" does not exist") — it happened
 * under concurrent saves. This keeps every connection's message sequence together until its Sync
 * (or a simple Query), as well as whole transactions.
 */
export function serializeExtendedQueries(server: PGLiteSocketServer): void {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let owner: number | null = null; // connection in the middle of an extended-protocol sequence

  queue.processQueue = async function processQueue(this: QueryQueue) {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const pinned = owner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        const index = pinned === null ? 0 : this.queue.findIndex((q) => q.handlerId === pinned);
        if (index === -1) break; // wait for the pinned connection's next message
        const [item] = this.queue.splice(index, 1) as [QueuedMessage];
        const type = item.message[0] ?? 0;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          owner = null;
          item.reject(error);
          continue;
        }
        const endsSequence = type === SYNC || type === SIMPLE_QUERY || type === TERMINATE || type < FIRST_TYPE_BYTE;
        owner = endsSequence ? null : item.handlerId;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };

  // A connection that drops mid-sequence must not leave the others waiting for it forever.
  const clearTransaction = queue.clearTransactionIfNeeded.bind(queue);
  queue.clearTransactionIfNeeded = async (handlerId: number) => {
    if (owner === handlerId) owner = null;
    await clearTransaction(handlerId);
    await queue.processQueue();
  };
}
