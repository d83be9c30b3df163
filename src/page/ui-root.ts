import { HIGHLIGHT_CSS, SHADOW_CSS } from './styles';

/**
 * Kuuki's only element on a page: <kuuki-root>, with an open shadow root (reachable by assistive
 * tech and tests) holding the overlay marks, the counts and the card. The highlight style is
 * adopted by the document, which writes nothing into the page's DOM.
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

export function createUiRoot(signal: AbortSignal): UiRoot {
  adoptHighlightStyle();
  const host = document.createElement('kuuki-root');
  const shadow = host.attachShadow({ mode: 'open' });
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
