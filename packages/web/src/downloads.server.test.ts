import { describe, expect, it } from "vitest";
import { contentDisposition, storedFileDownload } from "./downloads.server.ts";

describe("downloads", () => {
  it("names the file in ASCII and exactly in UTF-8", () => {
    expect(contentDisposition("Réclamation “D-7”.pdf")).toBe(
      `attachment; filename="Reclamation _D-7_.pdf"; filename*=UTF-8''R%C3%A9clamation%20%E2%80%9CD-7%E2%80%9D.pdf`,
    );
  });

  it("serves stored bytes as a sandboxed attachment of the detected type, never sniffed", async () => {
    const response = storedFileDownload(new Request("http://x/doc"), {
      fileName: "proof.pdf",
      contentType: "application/pdf",
      sha256: "ab12",
      bytes: new Uint8Array([37, 80, 68, 70]),
    });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="proof.pdf"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-length")).toBe("4");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
  });

  it("tags a stored document by its sha256 and answers a copy the browser holds with 304", async () => {
    const file = {
      fileName: "proof.pdf",
      contentType: "application/pdf",
      sha256: "ab12",
      bytes: new Uint8Array([1]),
    };
    const first = storedFileDownload(new Request("http://x/doc"), file);
    expect(first.status).toBe(200);
    expect(first.headers.get("etag")).toBe('"sha256-ab12"');
    // Kept privately, asked again every time: the loader checks access before this answers.
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const again = (tags: string) =>
      storedFileDownload(new Request("http://x/doc", { headers: { "If-None-Match": tags } }), file);
    const same = again('"sha256-ab12"');
    expect(same.status).toBe(304);
    expect(await same.text()).toBe("");
    expect(same.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(again('W/"other", "sha256-ab12"').status).toBe(304);
    expect(again('"sha256-other"').status).toBe(200);
  });
});
