import { describe, expect, it } from "vitest";
import { contentDisposition, storedFileDownload } from "./downloads.server.ts";

describe("downloads", () => {
  it("names the file in ASCII and exactly in UTF-8", () => {
    expect(contentDisposition("Réclamation “D-7”.pdf")).toBe(
      `attachment; filename="Reclamation _D-7_.pdf"; filename*=UTF-8''R%C3%A9clamation%20%E2%80%9CD-7%E2%80%9D.pdf`,
    );
  });

  it("serves stored bytes as a sandboxed attachment of the detected type, never sniffed", async () => {
    const response = storedFileDownload({
      fileName: "proof.pdf",
      contentType: "application/pdf",
      bytes: new Uint8Array([37, 80, 68, 70]),
    });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="proof.pdf"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("content-length")).toBe("4");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([37, 80, 68, 70]));
  });
});
