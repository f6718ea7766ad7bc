// Post-build rewrites that keep the framework's JavaScript off the main thread until the
// reader uses the page, and let V8 compile it off the main thread when it does. Why, and the
// figures: docs/performance.md.
import { createHash } from "node:crypto";

// A chunk as Next emits it: <script src=".../_next/static/....js[?dpl=...]" async="">, attributes
// in any order, wherever basePath or assetPrefix put /_next/.
const CHUNK_SCRIPT =
  /<script\b(?=[^>]*\sasync(?:=""|\b))(?![^>]*\snomodule\b)[^>]*\ssrc="([^"]*\/_next\/static\/[^"?]+\.js(?:\?[^"]*)?)"[^>]*><\/script>/gi;
const PRELOAD = /<link\b(?=[^>]*\srel="preload")(?=[^>]*\sas="script")[^>]*\shref="([^"]+)"[^>]*\/?>/gi;
// The inline RSC payload ("flight data") Next writes for hydration, one <script> per streamed
// piece: React escapes "<" inside it, so the first "</script>" ends it.
const FLIGHT_SCRIPT =
  /<script>((?:\(self\.__next_f=self\.__next_f\|\|\[\]\)|self\.__next_f)\.push\([\s\S]*?\))<\/script>/g;
const FLIGHT_DIR = "static/flight/";
// Attributes the loader does not carry over: their presence would change what the tag means.
const UNSUPPORTED = /\s(?:integrity|nonce|crossorigin|type)=/i;
export const LOADER_MARKER = "data-hydrate-on-interaction";
const LOADER_TAG = `<script ${LOADER_MARKER}="">`;
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * @param {string} js a chunk every page evaluates while hydrating
 * @returns {string} the chunk with V8's eager-compile hint as its first line
 */
export function withCompileHint(js) {
  return js.startsWith(COMPILE_HINT) ? js : COMPILE_HINT + js;
}

// What counts as the reader starting to use the page: any of these, anywhere, once.
export const INTERACTION_EVENTS = ["pointerdown", "keydown", "focusin", "touchstart", "wheel", "scroll"];

/**
 * Runs in the browser, serialised into the page: loads `sources` when the reader starts using
 * the page, or is about to. Reading needs no JavaScript and the forms work without it, so a
 * visit that only reads never pays for hydration. It starts on the first interaction (a scroll,
 * a pointer or touch, a key, a focus), or, once the page has loaded and the browser is idle,
 * when a form is in view: a form in the first screen (the contact page) is then hydrated before
 * the reader's first tap instead of during their first keystrokes, and a page without one pays
 * nothing until it is used.
 * The scripts are inserted after the next paint, not in the event's own task, so the tap or key
 * that started it shows first (inserting them inside the handler cost a tap 76 ms with the CPU
 * slowed 4x); they download in parallel and, inserted with async = false, run in the order
 * given: the flight data is pushed before the framework reads it. (No comments inside: the
 * function's source is what the page carries.)
 * @param {string[]} sources
 * @param {string[]} events
 */
export function hydrateWhenUsed(sources, events) {
  var started = false;
  var formInView = window.IntersectionObserver
    ? new IntersectionObserver(function (entries) {
        if (
          !entries.some(function (entry) {
            return entry.isIntersecting;
          })
        )
          return;
        formInView.disconnect();
        afterLoad(function () {
          (window.requestIdleCallback || setTimeout)(start);
        });
      })
    : null;
  function afterLoad(run) {
    if (document.readyState === "complete") run();
    else addEventListener("load", run, { once: true });
  }
  function start() {
    if (started) return;
    started = true;
    if (formInView) formInView.disconnect();
    events.forEach(function (type) {
      removeEventListener(type, start, true);
    });
    requestAnimationFrame(function () {
      setTimeout(function () {
        sources.forEach(function (src) {
          var script = document.createElement("script");
          script.src = src;
          script.async = false;
          document.head.appendChild(script);
        });
      });
    });
  }
  events.forEach(function (type) {
    addEventListener(type, start, { capture: true, passive: true });
  });
  if (formInView)
    document.querySelectorAll("form").forEach(function (form) {
      formInView.observe(form);
    });
}

/** @param {string} html */
export function isDeferred(html) {
  return html.includes(LOADER_TAG);
}

/**
 * @param {string} src a URL the loader fetches
 * @returns {boolean} whether it is a page's flight data rather than a framework chunk
 */
export function isFlightData(src) {
  return src.includes(`/_next/${FLIGHT_DIR}`);
}

/**
 * @param {string} html a page prerendered by `next build`
 * @returns {{ html: string, sources: string[], flight: { src: string, js: string } | null }}
 *   the rewritten page, the chunks it defers, and its flight data as a script to write to
 *   `.next/<chunkFile(flight.src)>`
 */
export function deferHydration(html) {
  const sources = [];
  let rewritten = html.replace(CHUNK_SCRIPT, (tag, src) => {
    if (UNSUPPORTED.test(tag)) throw new Error(`deferHydration: cannot defer ${tag}`);
    if (!sources.includes(src)) sources.push(src);
    return "";
  });
  if (sources.length === 0) return { html, sources, flight: null };

  // Only hydration reads the flight data, and it repeats the page's text: parsing and compiling
  // it at load costs the reader main-thread time for nothing, so it moves to a file the loader
  // fetches with the chunks (first), under a name that changes with its content.
  const pieces = [];
  rewritten = rewritten.replace(FLIGHT_SCRIPT, (tag, js) => {
    pieces.push(js);
    return "";
  });
  let flight = null;
  if (pieces.length > 0) {
    const js = pieces.join(";\n") + ";\n";
    const staticRoot = sources[0].slice(0, sources[0].indexOf("/_next/") + "/_next/".length);
    const name = createHash("sha256").update(js).digest("base64url").slice(0, 16);
    flight = { src: `${staticRoot}${FLIGHT_DIR}${name}.js`, js };
  }

  // Preloads would fetch the chunks at load again; they go with the tags.
  rewritten = rewritten.replace(PRELOAD, (tag, href) => (sources.includes(href) ? "" : tag));
  const loaded = flight ? [flight.src, ...sources] : sources;
  const loader = `${LOADER_TAG}(${hydrateWhenUsed.toString()})(${JSON.stringify(loaded)},${JSON.stringify(INTERACTION_EVENTS)})</script>`;

  // The last </body> closes the body: React escapes "<" in text, attributes and the inline
  // flight data, so no other can follow it.
  const bodyEnd = rewritten.lastIndexOf("</body>");
  if (bodyEnd === -1) throw new Error("deferHydration: no </body> found");
  rewritten = rewritten.slice(0, bodyEnd) + loader + rewritten.slice(bodyEnd);
  return { html: rewritten, sources, flight };
}

/**
 * Everything a rewritten page loads when it hydrates, flight data first.
 * @param {string} html
 * @returns {string[]}
 */
export function deferredSources(html) {
  const start = html.indexOf(LOADER_TAG);
  if (start === -1) return [];
  const loader = /\)\((\[[^\]]*\]),\[[^\]]*\]\)<\/script>/.exec(html.slice(start));
  return loader ? JSON.parse(loader[1]) : [];
}

/**
 * The framework chunks a rewritten page loads when it hydrates.
 * @param {string} html
 * @returns {string[]}
 */
export function deferredChunks(html) {
  return deferredSources(html).filter((src) => !isFlightData(src));
}

/**
 * Where a chunk URL's file lives in the build output.
 * @param {string} src e.g. "/_next/static/chunks/a.js?dpl=1"
 * @returns {string} e.g. "static/chunks/a.js", relative to `.next`
 */
export function chunkFile(src) {
  const path = src.slice(src.indexOf("/_next/") + "/_next/".length).split("?")[0];
  return decodeURIComponent(path);
}
