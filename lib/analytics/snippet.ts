/** Where the beacon is served from (public/analytics.js), same origin. */
export const BEACON_PATH = "/analytics.js";

/**
 * The inline script at the top of every page (components/routes/site-frame.tsx), about 350
 * bytes: an Event Timing observer registered as the page begins, with a 16 ms threshold, so
 * the interactions before the beacon loads are kept for its INP (a late observer sees only those
 * of 104 ms or more); then, after `load` and at idle, the beacon itself.
 */
export const earlySnippet = `(function(w,d){var q=w.__ev=[];try{new PerformanceObserver(function(l){q.push.apply(q,l.getEntries())}).observe({type:"event",buffered:true,durationThreshold:16})}catch(e){}w.addEventListener("load",function(){(w.requestIdleCallback||setTimeout)(function(){var s=d.createElement("script");s.src=${JSON.stringify(BEACON_PATH)};d.head.appendChild(s)})})})(window,document)`;
