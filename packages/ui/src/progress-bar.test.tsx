import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProgressBar, percentOf } from "./progress-bar.tsx";

describe("the progress bar", () => {
  it("is a progressbar with its value in words and whole percents, never past the ends", () => {
    const html = renderToStaticMarkup(
      <ProgressBar
        part={250_00n}
        whole={400_00n}
        label="Progress of PP-1001"
        valueText="$250.00 of $400.00 paid"
      />,
    );
    expect(html).toContain(
      'role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="62" aria-valuetext="$250.00 of $400.00 paid" aria-label="Progress of PP-1001"',
    );
    expect(html).toContain("width:62%");
    expect([percentOf(5n, 0n), percentOf(-1n, 10n), percentOf(11n, 10n), percentOf(10n, 10n)]).toEqual([
      0, 0, 100, 100,
    ]);
  });
});
