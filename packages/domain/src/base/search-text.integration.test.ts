import { describe, expect, it } from "vitest";
import { listCustomers } from "../customers/list-customers.ts";
import { getDb } from "../db/client.ts";
import { listOutbox } from "../email/list-outbox.ts";
import { createStaffActor } from "../seed/actors.test-support.ts";
import { createCustomer } from "../seed/factories.ts";

describe("searches take what is typed literally", () => {
  it("through SQL and through Prisma's contains: % and _ are characters, a backslash is one too", async () => {
    const db = getDb();
    for (const name of ["Literal 50% Off", "Literal 50X Off", "Literal A_B", "Literal AxB", "Literal Ab\\"]) {
      await createCustomer(db, { name });
    }
    for (const to of ["a_b@literal.example", "axb@literal.example", "back\\slash@literal.example"]) {
      await db.outboxEmail.create({ data: { toAddress: to, subject: "s", textBody: "t", category: "test" } });
    }
    const staff = await createStaffActor(["COLLECTOR"]);
    const names = async (q: string) => (await listCustomers({ q }, staff)).rows.map((r) => r.name);
    expect(await names("50%")).toEqual(["Literal 50% Off"]);
    expect(await names("a_b")).toEqual(["Literal A_B"]);
    expect(await names("Ab\\")).toEqual(["Literal Ab\\"]);
    expect(await names("\u0000Literal A_B\u0000")).toEqual(["Literal A_B"]);

    const recipients = async (search: string) => (await listOutbox({ search }, staff)).items.map((e) => e.to);
    expect(await recipients("a_b@")).toEqual(["a_b@literal.example"]);
    expect(await recipients("back\\")).toEqual(["back\\slash@literal.example"]);
    expect(await recipients("\u0000")).toHaveLength(3);
  });
});
