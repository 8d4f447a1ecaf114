import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
  type Transaction,
} from "@prisma/driver-adapter-utils";
import * as wasm from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { dropDatabase, ensureDatabase } from "./databases.ts";

export type SchemaEngine = wasm.SchemaEngine;

// ---------------------------------------------------------------- PostgreSQL "char" columns

// The engine's catalog queries return PostgreSQL's one-byte "char" type (pg_constraint.contype,
// confdeltype, ...), which adapter-pg 7.10 rejects, and the engine reads those columns as a
// Character value (Text makes it panic). So the pg client relabels them as text and remembers
// which columns they were; the adapter wrapper then reports those columns as Character.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const charColumns = new WeakMap<object, number[]>();

interface FieldsResult {
  fields?: { dataTypeID: number }[];
  rows?: unknown[];
}

function relabelCharColumns<T>(result: T): T {
  for (const r of (Array.isArray(result) ? result : [result]) as FieldsResult[]) {
    const indexes: number[] = [];
    r?.fields?.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        indexes.push(i);
      }
    });
    if (indexes.length && r.rows) charColumns.set(r.rows, indexes);
  }
  return result;
}

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;
const baseQuery = pg.Client.prototype.query as unknown as QueryFn;

class CharColumnClient extends pg.Client {}

// pg-pool calls `query` with a callback, transactions use the promise form: handle both.
(CharColumnClient.prototype as unknown as { query: QueryFn }).query = function (...args) {
  const callback = args.at(-1);
  if (typeof callback === "function") {
    args[args.length - 1] = (error: unknown, result: unknown) =>
      callback(error, error ? result : relabelCharColumns(result));
    return baseQuery.apply(this, args);
  }
  const out = baseQuery.apply(this, args);
  return out instanceof Promise ? out.then(relabelCharColumns) : out;
};

function markCharColumns(result: SqlResultSet): SqlResultSet {
  for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
  return result;
}

function withCharColumns<T extends SqlQueryable>(target: T, overrides: Partial<T> = {}): T {
  const own: Partial<SqlQueryable> = {
    queryRaw: async (query) => markCharColumns(await target.queryRaw(query)),
  };
  return new Proxy(target, {
    get(t, prop) {
      if (Object.hasOwn(overrides, prop)) return overrides[prop as keyof T];
      if (Object.hasOwn(own, prop)) return own[prop as keyof SqlQueryable];
      const value = Reflect.get(t, prop, t);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

function wrapAdapter(inner: SqlDriverAdapter, afterDispose: () => Promise<void>): SqlDriverAdapter {
  let disposed: Promise<void> | undefined;
  return withCharColumns<SqlDriverAdapter>(inner, {
    startTransaction: async (isolationLevel) =>
      withCharColumns<Transaction>(await inner.startTransaction(isolationLevel)),
    // adapter-pg splits scripts on every ";", which breaks function bodies ($$ ... ; ... $$).
    // Send the script whole, as one simple query, like the native engine does.
    executeScript: async (script) => {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    // Both the engine and closeAll() may dispose the same adapter.
    dispose: () => {
      disposed ??= inner.dispose().finally(afterDispose);
      return disposed;
    },
  });
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * A migration-aware adapter factory for one database. Each shadow connection gets a new, empty
 * database on the same server (the engine expects that), dropped once its pool is closed: adapter-pg's
 * own shadow handling reuses the main database when given a connection string, and drops the
 * shadow database while its pool is still connected.
 */
export function adapterFactory(databaseUrl: string) {
  const open = new Set<SqlDriverAdapter>();
  const connectTo = async (url: string, afterDispose = async () => {}) => {
    const driver = new PrismaPg({ connectionString: url, Client: CharColumnClient });
    const adapter = wrapAdapter(await driver.connect(), async () => {
      open.delete(adapter);
      await afterDispose();
    });
    open.add(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(databaseUrl),
    connectToShadowDb: async () => {
      const name = `settle_shadow_${randomBytes(6).toString("hex")}`;
      // CREATE/DROP DATABASE work from a connection to any database on the server.
      await ensureDatabase(databaseUrl, name);
      return connectTo(withDatabase(databaseUrl, name), () => dropDatabase(databaseUrl, name));
    },
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    /** Closes the pools the engine left open and drops the shadow databases. */
    closeAll: async () => {
      await Promise.allSettled([...open].map((a) => a.dispose()));
    },
  };
}

// ---------------------------------------------------------------- the wasm engine

let loaded = false;
let lastPanic: string | undefined;

/** Instantiates the wasm module once per process (a second instantiation is not supported). */
function loadWasm(): void {
  if (loaded) return;
  // The engine reports Rust panics here before trapping.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const module = new WebAssembly.Module(readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(module, {
    "./schema_engine_bg.js": wasm as unknown as WebAssembly.ModuleImports,
  });
  wasm.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = true;
}

interface EngineLogLine {
  level?: string;
  fields?: { message?: string };
}

export interface EngineSession {
  /** Runs one engine command, turning engine failures into errors that say what went wrong. */
  call<T>(label: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T>;
  free(): void;
}

export async function openSchemaEngine(
  factory: ReturnType<typeof adapterFactory>["factory"],
  schemaFiles: { path: string; content: string }[],
): Promise<EngineSession> {
  loadWasm();
  const onLog = (line: string) => {
    let parsed: EngineLogLine = {};
    try {
      parsed = JSON.parse(line) as EngineLogLine;
    } catch {
      return;
    }
    if (parsed.level === "WARN" || parsed.level === "ERROR") {
      console.error(`schema engine ${parsed.level.toLowerCase()}: ${parsed.fields?.message ?? line}`);
    }
  };
  const guard = <T>(label: string, run: () => Promise<T>) => guarded(label, run, factory.errorRegistry);
  const engine = await guard("start", () =>
    wasm.SchemaEngine.new({ datamodels: schemaFiles.map((f) => [f.path, f.content]) }, onLog, factory),
  );
  return {
    call: (label, run) => guard(label, () => run(engine)),
    free: () => engine.free(),
  };
}

/**
 * A Rust panic inside an adapter callback surfaces as an uncaught WebAssembly trap while the
 * command's promise never settles, so for the duration of a call an uncaught error becomes that
 * call's rejection (with the panic message when there is one). Errors thrown by our own adapter
 * code reach the engine as "External error id#N"; the registry holds the original.
 */
function guarded<T>(label: string, run: () => Promise<T>, registry: ErrorRegistry): Promise<T> {
  const failure = (error: unknown): Error => {
    const panic = lastPanic;
    lastPanic = undefined;
    if (panic) return new Error(`Schema engine ${label} panicked: ${panic}`);
    const id = /External error id#(\d+)/.exec(String(error))?.[1];
    const original = id === undefined ? undefined : registry.consumeError(Number(id))?.error;
    if (original instanceof Error) return original;
    return error instanceof Error ? error : new Error(`Schema engine ${label} failed: ${String(error)}`);
  };
  return new Promise<T>((resolve, reject) => {
    const onUncaught = (error: unknown) => reject(failure(error));
    process.on("uncaughtException", onUncaught);
    run()
      .then(resolve, (error: unknown) => reject(failure(error)))
      .finally(() => process.off("uncaughtException", onUncaught));
  });
}
