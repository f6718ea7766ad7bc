// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  chunkFile,
  COMPILE_HINT,
  deferHydration,
  deferredChunks,
  deferredSources,
  hydrateWhenUsed,
  INTERACTION_EVENTS,
  isDeferred,
  withCompileHint,
} from "@/scripts/build/defer-hydration.mjs";
import { hasInlineFlightData } from "@/scripts/build/check-deferral.mjs";

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
  const { html, sources, flight } = deferHydration(page);

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

  it("drops the chunks' preloads, so nothing fetches them at load", () => {
    expect(html).not.toContain("fetchPriority");
    expect(html).toContain('<link rel="preload" as="script" href="/vendor/widget.js"/>');
  });

  it("keeps everything else: font preload, stylesheet, polyfills, JSON-LD, text", () => {
    for (const kept of [
      'as="font"',
      'rel="stylesheet"',
      "polyfills.js",
      "application/ld+json",
      "<pre>&lt;/body&gt;</pre>",
    ])
      expect(html).toContain(kept);
  });

  it("moves the flight data, in order, to a file the loader fetches before the chunks", () => {
    expect(hasInlineFlightData(page)).toBe(true);
    expect(hasInlineFlightData(html)).toBe(false);
    expect(flight?.js).toBe(
      '(self.__next_f=self.__next_f||[]).push([0]);\nself.__next_f.push([1,"\\u003c/body\\u003e"]);\n',
    );
    expect(flight?.src).toMatch(/^\/_next\/static\/flight\/[\w-]{16}\.js$/);
    expect(deferredSources(html)).toEqual([flight?.src, ...sources]);
  });

  it("names the flight file by its content and puts it where the chunks are served from", () => {
    const other = deferHydration(page.replace("\\u003c/body\\u003e", "other"));
    expect(other.flight?.src).not.toBe(flight?.src);
    expect(deferHydration(page).flight?.src).toBe(flight?.src);
    const cdn = deferHydration(page.replaceAll('src="/_next/', 'src="https://cdn.example/base/_next/'));
    expect(cdn.flight?.src).toMatch(/^https:\/\/cdn\.example\/base\/_next\/static\/flight\//);
    expect(chunkFile(cdn.flight?.src ?? "")).toMatch(/^static\/flight\/[\w-]{16}\.js$/);
  });

  it("puts the loader last in the body", () => {
    expect(html).toMatch(/<script data-hydrate-on-interaction="">[^<]*<\/script><\/body><\/html>$/);
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
      flight: null,
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

describe("hydrateWhenUsed (in the browser)", () => {
  const loaded = () =>
    [...document.head.querySelectorAll("script")].map((script) => script.getAttribute("src"));
  /** The frame after the event's, and the task after that frame's paint. */
  const afterNextPaint = () => vi.advanceTimersByTime(40);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["requestAnimationFrame", "setTimeout", "clearTimeout"] });
  });

  afterEach(() => {
    vi.useRealTimers();
    document.head.innerHTML = "";
    document.body.innerHTML = "";
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  /** The browser's IntersectionObserver and idle callbacks, driven by the test. */
  function stubViewport() {
    const watched: Element[] = [];
    let report: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    const idle: (() => void)[] = [];
    vi.stubGlobal(
      "IntersectionObserver",
      class {
        constructor(callback: typeof report) {
          report = callback;
        }
        observe(element: Element) {
          watched.push(element);
        }
        disconnect() {
          watched.length = 0;
        }
      },
    );
    vi.stubGlobal("requestIdleCallback", (callback: () => void) => idle.push(callback));
    return {
      watched,
      show: (isIntersecting: boolean) => report?.(watched.map(() => ({ isIntersecting }))),
      idle: () => idle.splice(0).forEach((callback) => callback()),
    };
  }

  it("loads nothing while the page is only displayed", () => {
    hydrateWhenUsed(["/a.js"], INTERACTION_EVENTS);
    window.dispatchEvent(new Event("load"));
    document.dispatchEvent(new Event("visibilitychange"));
    afterNextPaint();
    expect(loaded()).toEqual([]);
    document.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true }));
  });

  it.each(INTERACTION_EVENTS)("loads every source on the first %s, in order, and only once", (type) => {
    hydrateWhenUsed(["/a.js", "/b.js"], INTERACTION_EVENTS);
    document.body.dispatchEvent(new Event(type, { bubbles: true }));
    // Not in the event's own task: the reader's tap or key paints first.
    expect(loaded()).toEqual([]);
    afterNextPaint();
    expect(loaded()).toEqual(["/a.js", "/b.js"]);
    // Inserted scripts with async = false run in insertion order: flight data before chunks.
    expect([...document.head.querySelectorAll("script")].map((script) => script.async)).toEqual([
      false,
      false,
    ]);
    for (const other of INTERACTION_EVENTS) document.body.dispatchEvent(new Event(other, { bubbles: true }));
    afterNextPaint();
    expect(loaded()).toEqual(["/a.js", "/b.js"]);
  });

  it("hears events that do not bubble, such as a scroll of the document", () => {
    hydrateWhenUsed(["/a.js"], ["scroll"]);
    document.dispatchEvent(new Event("scroll"));
    afterNextPaint();
    expect(loaded()).toEqual(["/a.js"]);
  });

  it("loads every source once the page has loaded and is idle, when a form is in view", () => {
    document.body.innerHTML = "<main><form></form></main>";
    const viewport = stubViewport();
    const readyState = vi.spyOn(document, "readyState", "get").mockReturnValue("interactive");
    hydrateWhenUsed(["/a.js", "/b.js"], INTERACTION_EVENTS);
    expect(viewport.watched).toHaveLength(1);
    viewport.show(true);
    viewport.idle();
    afterNextPaint();
    expect(loaded()).toEqual([]);
    readyState.mockReturnValue("complete");
    window.dispatchEvent(new Event("load"));
    afterNextPaint();
    expect(loaded()).toEqual([]);
    viewport.idle();
    afterNextPaint();
    expect(loaded()).toEqual(["/a.js", "/b.js"]);
    document.body.dispatchEvent(new Event("pointerdown", { bubbles: true }));
    afterNextPaint();
    expect(loaded()).toEqual(["/a.js", "/b.js"]);
  });

  it("loads nothing for a form out of view until the reader interacts", () => {
    document.body.innerHTML = "<main></main><footer><form></form></footer>";
    const viewport = stubViewport();
    hydrateWhenUsed(["/a.js"], INTERACTION_EVENTS);
    viewport.show(false);
    viewport.idle();
    afterNextPaint();
    expect(loaded()).toEqual([]);
    document.dispatchEvent(new Event("scroll"));
    afterNextPaint();
    expect(loaded()).toEqual(["/a.js"]);
    // Started by the reader: the observer is done, a later sighting loads nothing twice.
    expect(viewport.watched).toEqual([]);
  });
});
