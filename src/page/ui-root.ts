import { HIGHLIGHT_CSS, SHADOW_CSS } from './styles';

/**
 * Kuuki's only element on a page: <kuuki-root>, with a closed shadow root holding the overlay
 * marks, the counts and the card, so page script cannot read the card (the user's own rewrites)
 * or reach its buttons. Assistive tech still sees it (the accessibility tree ignores closure);
 * tests open it from Kuuki's isolated world (see tests/e2e/kuuki-ui.ts and SECURITY.md). The
 * highlight style is adopted by the document, which writes nothing into the page's DOM.
 */
export interface UiRoot {
  host: HTMLElement;
  shadow: ShadowRoot;
  layer: HTMLDivElement;
  cardMount: HTMLDivElement;
}

function adoptHighlightStyle(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(HIGHLIGHT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/**
 * A host the page cannot have claimed. A page that defines <kuuki-root> as its own custom element
 * first gets its constructor run on Kuuki's host, and ElementInternals.shadowRoot would then hand
 * it even a closed root; a plain <div> can never be a custom element.
 */
function createHost(): HTMLElement {
  const host = document.createElement('kuuki-root');
  if (!host.matches(':defined')) return host;
  const fallback = document.createElement('div');
  fallback.setAttribute('data-kuuki-root', '');
  return fallback;
}

export function createUiRoot(signal: AbortSignal): UiRoot {
  adoptHighlightStyle();
  const host = createHost();
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = SHADOW_CSS;
  const layer = document.createElement('div');
  layer.className = 'layer';
  const cardMount = document.createElement('div');
  shadow.append(style, layer, cardMount);
  document.documentElement.append(host);
  signal.addEventListener('abort', () => host.remove());
  return { host, shadow, layer, cardMount };
}

/** Whether the page around an element is dark, judged by its effective background colour. */
export function looksDark(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null)) {
    const bg = getComputedStyle(node).backgroundColor;
    const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?/.exec(bg);
    if (m && (m[4] === undefined || Number(m[4]) > 0.5)) {
      const [r, g, b] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
    }
  }
  return matchMedia('(prefers-color-scheme: dark)').matches;
}
