import fs from "node:fs";
import path from "node:path";

/** Collections the sandbox keeps; each maps an id to a JSON value. */
export type Collection = "objects" | "meta" | "deliveries" | "idempotency" | "tasks" | "settings";
const COLLECTIONS: Collection[] = ["objects", "meta", "deliveries", "idempotency", "tasks", "settings"];

const SNAPSHOT = "state.json";
const JOURNAL = "journal.ndjson";
const LOCK = "lock";
const COMPACT_AFTER_LINES = 5000;
const OPEN_DIRS = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

interface Snapshot {
  version: 1;
  seq: number;
  collections: Record<Collection, [string, unknown][]>;
}

/**
 * In-memory maps with durable, crash-safe persistence: every commit appends one JSON line with
 * the full new value of each changed entry to a journal; the journal is folded into a snapshot
 * (written to a temp file, fsynced and renamed) at start, at close and every few thousand
 * commits. A torn last line (crash mid-write) is ignored on load. Without a directory the store
 * is memory-only.
 */
export class Store {
  private readonly maps = new Map<Collection, Map<string, unknown>>();
  private readonly dirty = new Map<string, [Collection, string]>();
  private seq = 0;
  private journalFd: number | null = null;
  private journalLines = 0;
  /** Objects of each Stripe type in creation order (ids), for lists and pagination. */
  private readonly order = new Map<string, string[]>();
  private readonly position = new Map<string, number>();

  constructor(private readonly dir: string | null) {
    for (const c of COLLECTIONS) this.maps.set(c, new Map());
    if (dir) this.load(dir);
  }

  get<T>(collection: Collection, id: string): T | undefined {
    return this.maps.get(collection)!.get(id) as T | undefined;
  }

  values<T>(collection: Collection): IterableIterator<T> {
    return this.maps.get(collection)!.values() as IterableIterator<T>;
  }

  size(collection: Collection): number {
    return this.maps.get(collection)!.size;
  }

  /** Stores (or re-stores after mutating) a value; it is journaled at the next commit. */
  put(collection: Collection, id: string, value: unknown): void {
    const map = this.maps.get(collection)!;
    if (collection === "objects" && !map.has(id)) this.index(id, value);
    map.set(id, value);
    this.dirty.set(`${collection}\u0000${id}`, [collection, id]);
  }

  delete(collection: Collection, id: string): void {
    if (collection === "objects") throw new Error("Stripe objects are never deleted from the sandbox");
    this.maps.get(collection)!.delete(id);
    this.dirty.set(`${collection}\u0000${id}`, [collection, id]);
  }

  /** Ids of one Stripe object type, oldest first. */
  idsOfType(type: string): readonly string[] {
    return this.order.get(type) ?? [];
  }

  positionOf(id: string): number | undefined {
    return this.position.get(id);
  }

  private index(id: string, value: unknown): void {
    const type = (value as { object?: string }).object ?? "unknown";
    let list = this.order.get(type);
    if (!list) {
      list = [];
      this.order.set(type, list);
    }
    this.position.set(id, list.length);
    list.push(id);
  }

  /** Writes everything changed since the last commit as one journal line. */
  commit(): void {
    if (this.dirty.size === 0) return;
    const ops: [Collection, string, unknown][] = [];
    for (const [collection, id] of this.dirty.values()) {
      const value = this.maps.get(collection)!.get(id);
      ops.push([collection, id, value === undefined ? null : value]);
    }
    this.dirty.clear();
    this.seq++;
    if (this.journalFd === null) return;
    fs.writeSync(this.journalFd, `${JSON.stringify({ s: this.seq, o: ops })}\n`);
    if (++this.journalLines >= COMPACT_AFTER_LINES) this.compact();
  }

  /** Drops every value (the `reset` control) and persists the empty state. */
  clear(): void {
    for (const map of this.maps.values()) map.clear();
    this.order.clear();
    this.position.clear();
    this.dirty.clear();
    if (this.dir) this.compact();
  }

  close(): void {
    this.commit();
    if (this.dir) {
      this.compact();
      if (this.journalFd !== null) fs.closeSync(this.journalFd);
      this.journalFd = null;
      fs.rmSync(path.join(this.dir, LOCK), { force: true });
      OPEN_DIRS.delete(path.resolve(this.dir));
    }
  }

  /** One sandbox per data directory: a second one would interleave journals and lose writes. */
  private lock(dir: string): void {
    const resolved = path.resolve(dir);
    if (OPEN_DIRS.has(resolved))
      throw new Error(`The Stripe sandbox data directory ${dir} is already open in this process.`);
    const lockPath = path.join(dir, LOCK);
    try {
      const pid = Number(fs.readFileSync(lockPath, "utf8"));
      if (pid && pid !== process.pid && processAlive(pid)) {
        throw new Error(`The Stripe sandbox data directory ${dir} is in use by process ${pid}.`);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    fs.writeFileSync(lockPath, String(process.pid));
    OPEN_DIRS.add(resolved);
  }

  private load(dir: string): void {
    fs.mkdirSync(dir, { recursive: true });
    this.lock(dir);
    const snapshotPath = path.join(dir, SNAPSHOT);
    if (fs.existsSync(snapshotPath)) {
      const snapshot = JSON.parse(fs.readFileSync(snapshotPath, "utf8")) as Snapshot;
      this.seq = snapshot.seq;
      for (const c of COLLECTIONS) {
        for (const [id, value] of snapshot.collections[c] ?? []) {
          if (c === "objects") this.index(id, value);
          this.maps.get(c)!.set(id, value);
        }
      }
    }
    const journalPath = path.join(dir, JOURNAL);
    if (fs.existsSync(journalPath)) {
      const lines = fs.readFileSync(journalPath, "utf8").split("\n");
      for (const line of lines) {
        if (!line) continue;
        let entry: { s: number; o: [Collection, string, unknown][] };
        try {
          entry = JSON.parse(line);
        } catch {
          break; // torn write at the tail: everything before it is intact
        }
        if (entry.s <= this.seq) continue;
        this.seq = entry.s;
        for (const [c, id, value] of entry.o) {
          const map = this.maps.get(c)!;
          if (value === null) map.delete(id);
          else {
            if (c === "objects" && !map.has(id)) this.index(id, value);
            map.set(id, value);
          }
        }
      }
    }
    this.compact();
  }

  /** Folds the journal into a fresh snapshot: temp file, fsync, rename, then a new journal. */
  private compact(): void {
    const dir = this.dir!;
    const snapshot: Snapshot = {
      version: 1,
      seq: this.seq,
      collections: Object.fromEntries(
        COLLECTIONS.map((c) => [c, [...this.maps.get(c)!.entries()]]),
      ) as Record<Collection, [string, unknown][]>,
    };
    const tmp = path.join(dir, `${SNAPSHOT}.${process.pid}.tmp`);
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, JSON.stringify(snapshot));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, path.join(dir, SNAPSHOT));
    // Journal lines up to `seq` are now in the snapshot (and skipped on load if they survive).
    if (this.journalFd !== null) fs.closeSync(this.journalFd);
    this.journalFd = fs.openSync(path.join(dir, JOURNAL), "w");
    this.journalLines = 0;
  }
}
