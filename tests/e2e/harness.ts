/** Everything an end-to-end test needs: the built server, Chromium, and the checks every page gets. */
export { startTestServer, type TestServer } from './server';
export {
  expectAccessible,
  expectNoProblems,
  launchBrowser,
  openPage,
  type WatchedPage,
} from './browser';
