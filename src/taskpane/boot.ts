/**
 * The task pane's first script. Inside Office it loads Office.js (from Microsoft's CDN,
 * where Office requires it) and then the custom functions and the pane; in a plain
 * browser it loads only the pane, which starts in preview mode — no network at all.
 *
 * Office opens the pane with a `_host_Info` query parameter (desktop) or inside a
 * frame (Excel on the web); `?preview` forces preview mode.
 */
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

function inOffice(): boolean {
  const query = new URLSearchParams(window.location.search);
  if (query.has('preview')) return false;
  return query.has('_host_Info') || window.top !== window.self;
}

function load(sources: readonly string[]): void {
  for (const src of sources) {
    const script = document.createElement('script');
    script.src = src;
    script.async = false; // keep the order: Office.js, then functions, then the pane
    document.head.appendChild(script);
  }
}

const office = inOffice();
document.documentElement.dataset.mode = office ? 'office' : 'preview';
load(office ? [OFFICE_JS, 'functions.js', 'taskpane.js'] : ['taskpane.js']);
