import { Agent, setGlobalDispatcher } from "undici";

/**
 * setupFiles of the workerd project: every request from a test to workerd goes on a
 * connection of its own. workerd's HTTP server closes an idle keep-alive connection on a
 * timer of its own, and a client that reuses that connection at the same moment loses
 * its request ("other side closed"), which once failed a crowd test with nothing wrong
 * in the Worker. Miniflare's own dispatchFetch sets `reset` on every request for the same
 * reason (cloudflare/workers-sdk#14641, #15716). A deployed Worker sits behind
 * Cloudflare's front end, not this server, so nothing in the product is hidden by it.
 */
setGlobalDispatcher(new Agent().compose((dispatch) => (options, handler) => dispatch({ ...options, reset: true }, handler)));
