import fs from "node:fs";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { headingFontCss, SOURCE, TARGET } from "../../scripts/build/subset-font.mjs";

const css = fs.readFileSync(TARGET, "utf8");
const woff2 = Buffer.from(/data:font\/woff2;base64,([A-Za-z0-9+/=]+)/.exec(css)?.[1] ?? "", "base64");
const font = fontkit.create(woff2) as fontkit.Font;

describe("the heading font", () => {
  it("is what npm run fonts makes from the npm package's file", async () => {
    expect(await headingFontCss()).toBe(css);
  });

  it("draws the letters, quotes and dashes of English and German headings", () => {
    const missing = [..."AZaz09ÄÖÜäöüß„“”‚‘’–—…€§éç&?!"].filter(
      (character) => !font.hasGlyphForCodePoint(character.codePointAt(0)!),
    );
    expect(missing).toEqual([]);
  });

  it("is one weight, and small enough to ride in the stylesheet", () => {
    expect(Object.keys(font.variationAxes)).toEqual([]);
    expect(woff2.length).toBeLessThan(fs.statSync(SOURCE).size / 2);
    expect(css).toMatch(/font-display: optional/);
  });
});
