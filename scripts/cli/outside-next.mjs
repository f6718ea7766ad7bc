// The newsletter commands render emails with react-dom/server, which the react-server condition
// (how the other commands empty `server-only`) refuses to load. They run without that condition
// instead, and this hook empties `server-only` for them: outside Next there is no client bundle
// for it to guard.
import { register } from "node:module";

register("./server-only-hooks.mjs", import.meta.url);
