// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  chunkFile,
  COMPILE_HINT,
  deferHydration,
  deferredChunks,
  hydrateAfterFirstPaint,
  isDeferred,
  withCompileHint,
} from "@/scripts/lib/defer-hydration.mjs";

// The shape `next build` prerenders (Next 16, Turbopack), trimmed.
const page = [
  '<!DOCTYPE html><html lang="en"><head>',
  '<link rel="preload" href="/_next/static/media/serif.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/main.js"/>',
  '<link rel="preload" as="script" href="/vendor/widget.js"/>',
  '<script src="/_next/static/chunks/react.js" async=""></script>',
  '<script async="" src="/_next/static/chunks/router.js?dpl=dpl_123"></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  "</head><body><main><h1>Hello</h1><pre>&lt;/body&gt;</pre></main>",
  '<script type="application/ld+json">{"@type":"Person"}</script>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"\\u003c/body\\u003e"])</script>',
  "</body></html>",
].join("");

describe("deferHydration", () => {
  const { html, sources } = deferHydration(page);

  it("takes every async framework chunk out of the page, in order, and lists it for the loader", () => {
    expect(sources).toEqual([
      "/_next/static/chunks/react.js",
      "/_next/static/chunks/router.js?dpl=dpl_123",
      "/_next/static/chunks/main.js",
    ]);
    expect(html).not.toMatch(/<script[^>]+async/);
    expect(isDeferred(html)).toBe(true);
    expect(isDeferred(page)).toBe(false);
    expect(deferredChunks(html)).toEqual(sources);
  });

  it("drops the chunks' preloads, so nothing fetches them before the first paint", () => {
    expect(html).not.toContain("fetchPriority");
    expect(html).toContain('<link rel="preload" as="script" href="/vendor/widget.js"/>');
  });

  it("keeps everything else: font preload, stylesheet, polyfills, JSON-LD, flight data", () => {
    for (const kept of [
      'as="font"',
      'rel="stylesheet"',
      "polyfills.js",
      "application/ld+json",
      "self.__next_f.push([1",
      "<pre>&lt;/body&gt;</pre>",
    ])
      expect(html).toContain(kept);
  });

  it("puts the loader last in the body", () => {
    expect(html).toMatch(/<script data-hydrate-after-paint="">[^<]*<\/script><\/body><\/html>$/);
  });

  it("refuses chunks whose attributes the loader would drop", () => {
    expect(() =>
      deferHydration(
        '<script src="/_next/static/chunks/a.js" async="" integrity="sha384-x"></script></body>',
      ),
    ).toThrow(/cannot defer/);
  });

  it("finds chunk files behind basePath, assetPrefix and deployment ids", () => {
    expect(chunkFile("/_next/static/chunks/a.js?dpl=dpl_1")).toBe("static/chunks/a.js");
    expect(chunkFile("https://cdn.example/_next/static/chunks/%5Bslug%5D.js")).toBe(
      "static/chunks/[slug].js",
    );
    expect(chunkFile("/base/_next/static/chunks/b.js")).toBe("static/chunks/b.js");
  });

  it("leaves a page without framework chunks alone, and refuses a page it cannot place the loader in", () => {
    expect(deferHydration("<html><body><p>static</p></body></html>")).toEqual({
      html: "<html><body><p>static</p></body></html>",
      sources: [],
    });
    expect(() => deferHydration('<script src="/_next/static/chunks/a.js" async=""></script>')).toThrow(
      /no <\/body>/,
    );
  });
});

describe("withCompileHint", () => {
  it("puts V8's eager-compile hint on the first line, once", () => {
    const hinted = withCompileHint("(globalThis.TURBOPACK||[]).push([])");
    expect(hinted.startsWith("//# allFunctionsCalledOnLoad\n(globalThis")).toBe(true);
    expect(withCompileHint(hinted)).toBe(hinted);
    expect(COMPILE_HINT).toBe("//# allFunctionsCalledOnLoad\n");
  });
});

describe("hydrateAfterFirstPaint (in the browser)", () => {
  type Entry = { name: string };
  let observerCallback: ((list: { getEntries(): Entry[] }) => void) | undefined;
  const disconnect = vi.fn();

  function fakePaintTiming(supportedEntryTypes: string[]) {
    const FakeObserver = vi.fn(function (this: object, callback: typeof observerCallback) {
      observerCallback = callback;
      Object.assign(this, { observe: vi.fn(), disconnect });
    });
    Object.assign(FakeObserver, { supportedEntryTypes });
    vi.stubGlobal("PerformanceObserver", FakeObserver);
  }
  const loaded = () =>
    [...document.head.querySelectorAll("script")].map((script) => script.getAttribute("src"));
  const paint = (...names: string[]) =>
    observerCallback?.({ getEntries: () => names.map((name) => ({ name })) });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    document.head.innerHTML = "";
    observerCallback = undefined;
  });

  it("loads the chunks once the first contentful paint is reported, and only once", () => {
    fakePaintTiming(["paint", "largest-contentful-paint"]);
    hydrateAfterFirstPaint(["/a.js", "/b.js"]);
    expect(loaded()).toEqual([]);
    paint("first-paint");
    expect(loaded()).toEqual([]);
    paint("first-contentful-paint");
    expect(loaded()).toEqual(["/a.js", "/b.js"]);
    expect(disconnect).toHaveBeenCalled();
    paint("first-contentful-paint");
    expect(loaded()).toEqual(["/a.js", "/b.js"]);
    expect(document.head.querySelector("script")?.async).toBe(true);
  });

  it("hydrates a page that is never painted (a background tab) after five seconds", () => {
    vi.useFakeTimers();
    fakePaintTiming(["paint"]);
    hydrateAfterFirstPaint(["/a.js"]);
    vi.advanceTimersByTime(4999);
    expect(loaded()).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(loaded()).toEqual(["/a.js"]);
  });

  it("loads the chunks at once if the paint observer cannot be set up", () => {
    fakePaintTiming(["paint"]);
    const Failing = vi.fn(function () {
      throw new TypeError("observe failed");
    });
    Object.assign(Failing, { supportedEntryTypes: ["paint"] });
    vi.stubGlobal("PerformanceObserver", Failing);
    hydrateAfterFirstPaint(["/a.js"]);
    expect(loaded()).toEqual(["/a.js"]);
  });

  it("falls back to the next frame where paint timing is missing", () => {
    vi.useFakeTimers();
    fakePaintTiming([]);
    hydrateAfterFirstPaint(["/a.js"]);
    expect(loaded()).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(loaded()).toEqual(["/a.js"]);
  });
});
