// Post-build rewrites that keep the framework's JavaScript out of the way of the first paint:
// chunks load once the first contentful paint is on screen, and carry V8's eager-compile
// hint. The reasoning and the numbers are in docs/performance.md.

// A chunk as Next emits it: <script src=".../_next/static/....js[?dpl=...]" async="">, attributes
// in any order, wherever basePath or assetPrefix put /_next/.
const CHUNK_SCRIPT =
  /<script\b(?=[^>]*\sasync(?:=""|\b))(?![^>]*\snomodule\b)[^>]*\ssrc="([^"]*\/_next\/static\/[^"?]+\.js(?:\?[^"]*)?)"[^>]*><\/script>/gi;
const PRELOAD = /<link\b(?=[^>]*\srel="preload")(?=[^>]*\sas="script")[^>]*\shref="([^"]+)"[^>]*\/?>/gi;
// Attributes the loader does not carry over: their presence would change what the tag means.
const UNSUPPORTED = /\s(?:integrity|nonce|crossorigin|type)=/i;
export const LOADER_MARKER = "data-hydrate-after-paint";
const LOADER_TAG = `<script ${LOADER_MARKER}="">`;
export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * @param {string} js a chunk every page evaluates while hydrating
 * @returns {string} the chunk with V8's eager-compile hint as its first line
 */
export function withCompileHint(js) {
  return js.startsWith(COMPILE_HINT) ? js : COMPILE_HINT + js;
}

/**
 * Runs in the browser, serialised into the page: loads `sources` once the first contentful
 * paint has been presented, or after five seconds without one (a background tab is not
 * painted until shown; a very slow first paint should not hold hydration back either).
 * Browsers without paint timing load them after the next frame.
 * @param {string[]} sources
 */
export function hydrateAfterFirstPaint(sources) {
  var started = false;
  function start() {
    if (started) return;
    started = true;
    sources.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      document.head.appendChild(script);
    });
  }
  var types = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  if (types.indexOf("paint") === -1) {
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
    return;
  }
  try {
    var observer = new PerformanceObserver(function (list) {
      var painted = list.getEntries().some(function (entry) {
        return entry.name === "first-contentful-paint";
      });
      if (painted) {
        observer.disconnect();
        start();
      }
    });
    observer.observe({ type: "paint", buffered: true });
    setTimeout(start, 5000);
  } catch {
    start();
  }
}

/** @param {string} html */
export function isDeferred(html) {
  return html.includes(LOADER_TAG);
}

/**
 * @param {string} html a page prerendered by `next build`
 * @returns {{ html: string, sources: string[] }} the rewritten page and the chunks it defers
 */
export function deferHydration(html) {
  const sources = [];
  let rewritten = html.replace(CHUNK_SCRIPT, (tag, src) => {
    if (UNSUPPORTED.test(tag)) throw new Error(`deferHydration: cannot defer ${tag}`);
    if (!sources.includes(src)) sources.push(src);
    return "";
  });
  if (sources.length === 0) return { html, sources };

  // Preloads would fetch the chunks during the first paint again; they go with the tags.
  rewritten = rewritten.replace(PRELOAD, (tag, href) => (sources.includes(href) ? "" : tag));
  const loader = `${LOADER_TAG}(${hydrateAfterFirstPaint.toString()})(${JSON.stringify(sources)})</script>`;

  // The last </body> closes the body: React escapes "<" in text, attributes and the inline
  // flight data, so no other can follow it.
  const bodyEnd = rewritten.lastIndexOf("</body>");
  if (bodyEnd === -1) throw new Error("deferHydration: no </body> found");
  rewritten = rewritten.slice(0, bodyEnd) + loader + rewritten.slice(bodyEnd);
  return { html: rewritten, sources };
}

/**
 * The chunks a rewritten page loads after its first paint (for measuring what it loads).
 * @param {string} html
 * @returns {string[]}
 */
export function deferredChunks(html) {
  const start = html.indexOf(LOADER_TAG);
  if (start === -1) return [];
  const loader = /\)\((\[[^\]]*\])\)<\/script>/.exec(html.slice(start));
  return loader ? JSON.parse(loader[1]) : [];
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
