import { createBrowserTransport } from '@df/browser';
import { render } from 'lit-html';
import { CREATE_OPEN_KEY, createController } from './controller';
import { copyText } from './copyText';
import { createDashboardClient } from './dashboardClient';
import { lazyEvaluations } from './lazyEvaluations';
import { createPoller } from './poller';
import { pageTitle } from './pageTitle';
import { parseRoute } from './route';
import { initialState } from './state';
import { createStore } from './store';
import { CLOCK_MS, POLL_MS, RETRY_MS } from './refreshIntervals';
import { appView } from './views/appView';

// No key and no baseUrl: requests go to this page's origin, where the server's proxy adds the key.
const transport = createBrowserTransport({ timeoutMs: 20_000 });
const client = createDashboardClient(transport);
/** Storage may be refused (a private window, a blocked site): the page then forgets, and works as before. */
const stored = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
const store = createStore(
  initialState(
    parseRoute(location.hash),
    location.search,
    Date.now(),
    document.visibilityState === 'hidden',
    stored(CREATE_OPEN_KEY) === 'open',
  ),
);
const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) };
const poller = createPoller({ tick: () => controller.tick(), intervalMs: POLL_MS, retryMs: RETRY_MS, timers });
// A chunk of its own, loaded with the page of a SUCCEEDED run: the list never loads it.
const evaluations = lazyEvaluations(async () => {
  const part = await import('./evaluations/evaluationsPart');
  const announce = (text: string) => store.update(() => ({ announcement: text, actionAnnouncedAt: Date.now() }));
  return part.createEvaluations({ client: part.createEvaluationsClient(transport), store, announce });
});
const controller = createController({
  client,
  store,
  evaluations,
  nav: {
    href: () => location.href,
    push: (href) => history.pushState(null, '', href),
    go: (hash) => (location.hash = hash),
    replace: (hash) => history.replaceState(null, '', hash),
  },
  remember: (key, value) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Not remembered; the choice still holds until the page is left.
    }
  },
  copy: (text) => copyText(text),
  now: Date.now,
  refresh: () => (document.visibilityState === 'hidden' ? Promise.resolve() : poller.refresh()),
  timers,
});
const actions = { ...controller, retry: () => void poller.refresh() };

/** An element index.html always has; a page without it is not this dashboard. */
function required(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id} element`);
  return element;
}

const root = required('app');
const announcer = required('announcer');
let queued = false;
store.subscribe(() => {
  if (queued) return;
  queued = true;
  queueMicrotask(() => {
    queued = false;
    render(appView(store.get(), actions), root);
    render(store.get().announcement, announcer);
    document.title = pageTitle(store.get().route);
  });
});

const follow = async () => {
  await controller.navigate();
  document.getElementById(store.get().route.name === 'detail' ? 'run-heading' : 'runs-heading')?.focus();
};
window.addEventListener('hashchange', () => void follow());
window.addEventListener('popstate', () => void controller.navigate());
document.addEventListener('visibilitychange', () => {
  const hidden = document.visibilityState === 'hidden';
  controller.setHidden(hidden);
  if (hidden) poller.pause();
  else void poller.resume();
});
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.querySelector<HTMLElement>('#run-heading, #runs-heading')?.focus();
});
setInterval(() => document.visibilityState === 'visible' && controller.tickClock(), CLOCK_MS);

render(appView(store.get(), actions), root);
document.title = pageTitle(store.get().route);
void controller.loadFormData();
void poller.refresh();
