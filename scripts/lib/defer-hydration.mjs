// Post-build rewrites that keep the framework's JavaScript out of the way of the first paint.
//
// Why: Next emits its chunks as <script async> in <head>. On a fast connection they arrive
// before the stylesheet and the web font, and their evaluation (about 140 KB gzipped: React,
// the router, the form islands) runs ahead of the first paint, pushing back the moment the
// reader sees the text. The pages are fully readable and the forms work without JavaScript,
// so nothing is lost by fetching the chunks once the first paint is on screen: the text
// gets the connection to itself, then the page hydrates.
//
// Once loaded, most of the hydration task was V8 compiling the module factories lazily on
// the main thread (about 20 of 35 ms here). V8's explicit compile hint
// (https://v8.dev/blog/explicit-compile-hints) compiles a file's functions eagerly on the
// background thread that streams the script. These chunks are what hydration runs; the few
// functions a visit never calls are compiled anyway, off the main thread. Other browsers
// ignore the comment.

const CHUNK_SCRIPT =
  /<script\b(?=[^>]*\sasync(?:=""|\b))(?![^>]*\snomodule\b)[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"[^>]*><\/script>/gi;
const PRELOAD = /<link\b(?=[^>]*\srel="preload")(?=[^>]*\sas="script")[^>]*\shref="([^"]+)"[^>]*\/?>/gi;
export const LOADER_MARKER = "data-hydrate-after-paint";
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
 * paint has been presented. Browsers without paint timing load them after the next frame.
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
  if (types.indexOf("paint") !== -1) {
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
    // A page opened in a background tab is not painted until shown; hydrate it anyway.
    setTimeout(start, 5000);
  } else {
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
  }
}

/**
 * @param {string} html a page prerendered by `next build`
 * @returns {{ html: string, sources: string[] }} the rewritten page and the chunks it defers
 */
export function deferHydration(html) {
  const sources = [];
  let rewritten = html.replace(CHUNK_SCRIPT, (_, src) => {
    if (!sources.includes(src)) sources.push(src);
    return "";
  });
  if (sources.length === 0) return { html, sources };

  // Preloads would fetch the chunks during the first paint again; they go with the tags.
  rewritten = rewritten.replace(PRELOAD, (tag, href) => (sources.includes(href) ? "" : tag));
  const loader =
    `<script ${LOADER_MARKER}="">` +
    `(${hydrateAfterFirstPaint.toString()})(${JSON.stringify(sources)})` +
    `</script>`;

  // The last </body> closes the body (the inline flight data escapes "<").
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
  const loader = new RegExp(`<script ${LOADER_MARKER}="">[\\s\\S]*?\\)\\((\\[[^\\]]*\\])\\)</script>`).exec(
    html,
  );
  return loader ? JSON.parse(loader[1]) : [];
}
