/* The site's own analytics beacon (docs/analytics.md), loaded at idle after `load` by the inline
   snippet in components/routes/site-frame.tsx; not part of the framework's bundle. No cookie, no
   storage: the view id lives in this page's memory only. Web Vitals from a small own observer
   set: LCP, CLS, FCP, TTFB here, INP from the Event Timing entries the inline observer has
   collected since the page began (window.__ev). */
(function (w, d, n, P) {
  if (w.__analytics || !P) return;
  w.__analytics = 1;
  var q = w.__ev || [],
    m = { cls: 0 },
    path,
    id,
    shown,
    seen,
    first = 1,
    cls = 0,
    sv = 0,
    sf = 0,
    sl = 0;
  function url() {
    var t = new URLSearchParams();
    new URLSearchParams(location.search).forEach(function (v, k) {
      if (/^(utm_(source|medium|campaign)|ref)$/.test(k)) t.append(k, v);
    });
    t = "" + t;
    return location.pathname + (t ? "?" + t : "");
  }
  function send(k, o) {
    o.k = k;
    o.i = id;
    o.u = path;
    var b = JSON.stringify(o);
    try {
      if (n.sendBeacon("/api/events", b)) return;
    } catch {}
    fetch("/api/events", { method: "POST", body: b, keepalive: true }).catch(function () {});
  }
  function observe(type, cb, o) {
    try {
      o = o || {};
      o.type = type;
      o.buffered = true;
      new P(function (l) {
        l.getEntries().forEach(cb);
      }).observe(o);
    } catch {}
  }
  function inp() {
    var by = {},
      all = [],
      k;
    q.forEach(function (e) {
      if (e.interactionId) by[e.interactionId] = Math.max(by[e.interactionId] || 0, e.duration);
    });
    for (k in by) all.push(by[k]);
    all.sort(function (a, b) {
      return b - a;
    });
    return all[Math.min(all.length - 1, Math.floor(all.length / 50))];
  }
  function start(ref) {
    path = url();
    id = "";
    crypto.getRandomValues(new Uint8Array(18)).forEach(function (b) {
      id += (b & 63).toString(36);
    });
    seen = 0;
    shown = d.visibilityState == "visible" ? Date.now() : 0;
    send("v", { r: ref });
  }
  function end() {
    if (shown) seen += Date.now() - shown;
    shown = 0;
    var o = { d: seen };
    if (first) {
      m.inp = inp();
      o.m = m;
    }
    send("e", o);
  }
  if (!w.__ev) observe("event", q.push.bind(q), { durationThreshold: 16 });
  observe("largest-contentful-paint", function (e) {
    m.lcp = e.startTime;
  });
  observe("paint", function (e) {
    if (e.name == "first-contentful-paint") m.fcp = e.startTime;
  });
  observe("layout-shift", function (e) {
    if (e.hadRecentInput) return;
    if (sv && e.startTime - sl < 1000 && e.startTime - sf < 5000) sv += e.value;
    else {
      sv = e.value;
      sf = e.startTime;
    }
    sl = e.startTime;
    m.cls = cls = Math.max(cls, sv);
  });
  var nav = performance.getEntriesByType("navigation")[0];
  if (nav) m.ttfb = Math.max(nav.responseStart - (nav.activationStart || 0), 0);
  start(d.referrer);
  d.addEventListener("visibilitychange", function () {
    if (d.visibilityState == "hidden") end();
    else shown = Date.now();
  });
  w.addEventListener("pagehide", function () {
    if (shown) end();
  });
  // A navigation inside the app once it is hydrated: the view ends and a new one starts.
  function moved() {
    if (url() == path) return;
    var from = location.origin + path;
    end();
    first = 0;
    start(from);
  }
  ["pushState", "replaceState"].forEach(function (f) {
    var h = history[f];
    history[f] = function () {
      var r = h.apply(this, arguments);
      moved();
      return r;
    };
  });
  w.addEventListener("popstate", moved);
  // The booking link (components/form-shell.tsx) is followed: a conversion, counted on the server.
  d.addEventListener(
    "click",
    function (e) {
      if (e.target.closest && e.target.closest("a[data-analytics=booking]")) send("b", {});
    },
    true,
  );
})(window, document, navigator, window.PerformanceObserver);
