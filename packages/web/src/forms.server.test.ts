import { DomainError } from "@settle/domain/errors";
import { redirect } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type FormAnswer, type RefusalWords, submitForm } from "./forms.server.ts";

const Schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("rename"), name: z.string({ error: "Enter a name." }).min(2, "Too short.") }),
  z.object({ intent: z.literal("remove"), id: z.uuid("Not an id.") }),
]);

const words: RefusalWords = (r) =>
  `[${r.reason ?? r.code}${Object.keys(r.values).length ? ` ${JSON.stringify(r.values)}` : ""}]`;

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** The status and body of what submitForm answered (a data() result or a Response). */
async function answer(result: unknown): Promise<{ status: number; body: FormAnswer<unknown> | null }> {
  if (result instanceof Response) return { status: result.status, body: null };
  const { data, init } = result as { data: FormAnswer<unknown>; init?: ResponseInit };
  return { status: init?.status ?? 200, body: data };
}

describe("submitForm", () => {
  it("runs the use case with the parsed value and answers what it did, the form reset", async () => {
    const seen: unknown[] = [];
    const { status, body } = await answer(
      await submitForm(form({ intent: "rename", name: "Acme" }), Schema, async (v) => seen.push(v), {
        words,
        done: () => ({ message: "Renamed." }),
      }),
    );
    expect(seen).toEqual([{ intent: "rename", name: "Acme" }]);
    expect(status).toBe(200);
    expect(body?.done).toEqual({ message: "Renamed." });
    // No errors, and the form starts over (Conform resets it to no initial values).
    expect(body?.reply.error).toBeUndefined();
    expect(body?.reply.initialValue).toBeNull();
  });

  it("puts an invalid value's error on its field, keeps what was typed, and runs nothing", async () => {
    let ran = false;
    const { status, body } = await answer(
      await submitForm(form({ intent: "rename", name: "A" }), Schema, async () => (ran = true), {
        words,
        done: () => null,
      }),
    );
    expect(ran).toBe(false);
    expect(status).toBe(400);
    expect(body?.reply.error).toEqual({ name: ["Too short."] });
    expect(body?.reply.initialValue).toMatchObject({ name: "A" });
  });

  it("words a field's issues with formatError (the page's language) instead of the schema's English", async () => {
    const { status, body } = await answer(
      await submitForm(form({ intent: "rename", name: "A" }), Schema, async () => null, {
        words,
        done: () => null,
        formatError: (issues) => issues.map((issue) => `[${issue.path.join(".")}:${issue.code}]`),
      }),
    );
    expect(status).toBe(400);
    expect(body?.reply.error).toEqual({ name: ["[name:too_small]"] });
    const late = await answer(
      await submitForm(
        form({ intent: "rename", name: "Acme" }),
        Schema,
        async () =>
          Promise.reject(new z.ZodError([{ code: "custom", path: ["name"], message: "Taken.", input: "" }])),
        { words, done: () => null, formatError: (issues) => [`[${issues.length} issue]`] },
      ),
    );
    expect(late.body?.reply.error).toEqual({ name: ["[1 issue]"] });
  });

  it("answers an unknown intent with a 400 that says so, never another action", async () => {
    let ran = false;
    const { status, body } = await answer(
      await submitForm(form({ intent: "delete-everything", id: "x" }), Schema, async () => (ran = true), {
        words,
        done: () => null,
      }),
    );
    expect(ran).toBe(false);
    expect(status).toBe(400);
    expect(body?.reply.error?.[""]).toEqual(["[unknown-intent]"]);
  });

  it("words a refusal by its code and reason, on the field it names or on the form, with its status", async () => {
    const refuse = (error: DomainError) =>
      submitForm(form({ intent: "rename", name: "Acme" }), Schema, async () => Promise.reject(error), {
        words,
        done: () => null,
      });
    const conflict = await answer(
      await refuse(new DomainError("CONFLICT", "English text", { reason: "last-admin", name: "Pat" })),
    );
    expect(conflict.status).toBe(409);
    expect(conflict.body?.reply.error?.[""]).toEqual(['[last-admin {"name":"Pat"}]']);
    const onField = await answer(await refuse(new DomainError("VALIDATION", "x", { field: "name" })));
    expect(onField.status).toBe(400);
    expect(onField.body?.reply.error).toEqual({ name: ["[VALIDATION]"] });
    const limited = await refuse(new DomainError("RATE_LIMITED", "x", { retryAfterSeconds: 30 }));
    expect((limited as { init?: ResponseInit }).init?.headers).toEqual({ "Retry-After": "30" });
  });

  it("shows NOT_FOUND as the 404 page and lets unexpected errors through", async () => {
    const run = (error: Error) =>
      submitForm(
        form({ intent: "remove", id: "8f0e4c1e-7a2b-4c3d-9e8f-1a2b3c4d5e6f" }),
        Schema,
        async () => Promise.reject(error),
        {
          words,
          done: () => null,
        },
      );
    await expect(run(new DomainError("NOT_FOUND", "gone"))).rejects.toMatchObject({ init: { status: 404 } });
    await expect(run(new TypeError("boom"))).rejects.toThrow("boom");
  });

  it("returns a redirect from done as it is", async () => {
    const result = await submitForm(form({ intent: "rename", name: "Acme" }), Schema, async () => "id-1", {
      words,
      done: (id) => redirect(`/things/${id}`),
    });
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("location")).toBe("/things/id-1");
  });
});
