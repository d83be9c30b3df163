/** Kuuki's look inside its shadow root; `all: initial` keeps host page styles out. */
export const SHADOW_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0; pointer-events: none; z-index: 2147483646; }
.mark { position: fixed; pointer-events: none; border-bottom: 2px solid #d97706;
  background: rgba(245, 158, 11, 0.16); border-radius: 2px; }
.badge { position: fixed; pointer-events: auto; cursor: pointer; min-width: 18px; height: 18px; padding: 0 5px;
  box-sizing: border-box; border: 0; border-radius: 9px; background: #d97706; color: #fff;
  font: 600 11px/18px system-ui, sans-serif; text-align: center; opacity: 0.9; }
.badge:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 2px; }
.card { position: fixed; pointer-events: auto; box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px); overflow-y: auto; /* a short frame (TinyMCE's) scrolls the card, never cuts it off */
  padding: 10px 12px; border-radius: 10px; border: 1px solid #d6d3d1; background: #fffdf8; color: #1c1917;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.18); font: 13px/1.45 system-ui, -apple-system, "Segoe UI",
  "Hiragino Sans", "Noto Sans JP", sans-serif; z-index: 2147483647; }
.card.dark { background: #1f1d1a; color: #f5f5f4; border-color: #44403c; }
.head { display: flex; align-items: center; justify-content: space-between; }
.title { font-size: 11px; font-weight: 600; letter-spacing: 0.02em; color: #b45309; }
.dark .title { color: #fbbf24; }
.register { margin-left: auto; margin-right: 6px; border: 1px solid #d6d3d1; border-radius: 10px; background: transparent;
  color: inherit; font-size: 11px; padding: 0 8px; line-height: 18px; cursor: pointer; }
.dark .register { border-color: #57534e; }
.register:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: 0; }
.fine { margin: 0 0 4px; }
.close { border: 0; background: none; color: inherit; font-size: 18px; line-height: 1; cursor: pointer; padding: 0 2px; }
.phrase { margin: 4px 0 8px; text-decoration: line-through; text-decoration-color: #d97706; opacity: 0.8; }
.options { display: flex; flex-direction: column; gap: 4px; outline: none; border-radius: 6px; }
.options:focus-visible { box-shadow: 0 0 0 2px #1d4ed8; }
.option { padding: 6px 8px; border-radius: 6px; cursor: pointer; border: 1px solid transparent; }
.option.chosen { background: #fef3c7; border-color: #f59e0b; }
.dark .option.chosen { background: #422006; border-color: #b45309; }
.changed { font-weight: 600; background: rgba(22, 163, 74, 0.14); border-radius: 2px; }
.dark .changed { background: rgba(74, 222, 128, 0.18); }
.adds { display: block; font-size: 11px; font-weight: 600; opacity: 0.75; }
.copy { float: right; font-size: 11px; color: #1d4ed8; margin-left: 6px; }
.dark .copy { color: #93c5fd; }
.equivalent, .why { margin: 8px 0 0; }
.label { display: block; font-size: 11px; font-weight: 600; opacity: 0.75; }
.actions { display: flex; gap: 6px; margin-top: 10px; flex-wrap: wrap; }
button { font: inherit; }
.actions button { border: 1px solid #a8a29e; background: transparent; color: inherit; border-radius: 6px;
  padding: 4px 10px; cursor: pointer; }
.actions button.primary { background: #b45309; border-color: #b45309; color: #fff; }
.actions button:focus-visible, .close:focus-visible { outline: 2px solid #1d4ed8; outline-offset: 1px; }
.hint { margin: 8px 0 0; font-size: 11px; opacity: 0.7; }
`;

/** Marks in light-DOM contenteditables: the CSS Custom Highlight API, no DOM written. */
export const HIGHLIGHT_NAME = 'kuuki-blunt';
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) {
  background-color: rgba(245, 158, 11, 0.22); text-decoration: underline 2px #d97706; }`;
