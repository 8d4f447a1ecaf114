import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Store } from "./store.ts";
import { tempDir } from "./test-support.ts";

describe("Store", () => {
  it("replays the journal after a crash and ignores a torn last line", () => {
    const dir = tempDir();
    const a = new Store(dir);
    a.put("objects", "cus_1", { id: "cus_1", object: "customer", name: "one" });
    a.commit();
    a.put("objects", "cus_2", { id: "cus_2", object: "customer", name: "two" });
    a.put("deliveries", "d1", { id: "d1" });
    a.commit();
    // A crash: copy the directory as the killed process left it, with a half-written last line.
    const crashed = tempDir();
    fs.cpSync(dir, crashed, { recursive: true });
    a.close();
    fs.appendFileSync(path.join(crashed, "journal.ndjson"), '{"s":99,"o":[["objects","cus_3"');
    fs.writeFileSync(path.join(crashed, "lock"), "999999999");

    const b = new Store(crashed);
    expect(b.get("objects", "cus_2")).toEqual({ id: "cus_2", object: "customer", name: "two" });
    expect(b.get("objects", "cus_3")).toBeUndefined();
    expect(b.idsOfType("customer")).toEqual(["cus_1", "cus_2"]);
    expect(b.get("deliveries", "d1")).toEqual({ id: "d1" });
    b.close();
  });

  it("keeps a snapshot after close, and refuses a second open of the same directory", () => {
    const dir = tempDir();
    const a = new Store(dir);
    expect(() => new Store(dir)).toThrow(/already open/);
    for (let i = 0; i < 3000; i++) a.put("objects", `pi_${i}`, { id: `pi_${i}`, object: "payment_intent" });
    a.commit();
    a.delete("deliveries", "nothing");
    a.close();
    expect(fs.readFileSync(path.join(dir, "journal.ndjson"), "utf8")).toBe("");
    const b = new Store(dir);
    expect(b.idsOfType("payment_intent")).toHaveLength(3000);
    expect(b.positionOf("pi_2999")).toBe(2999);
    b.close();
  });
});
