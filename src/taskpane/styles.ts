/**
 * The pane's stylesheet (and the preview's), written against Fluent UI's tokens as CSS
 * custom properties (see theme.ts): the layout around the pane's Fluent UI React
 * controls (which style themselves), and the look of the preview's own native
 * controls (the sheet tabs, the file buttons) — selectors on bare elements skip
 * Fluent's (`fui-` classes).
 */
export const PANE_CSS = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
[hidden] { display: none !important; }
body {
  margin: 0;
  font-family: var(--fontFamilyBase);
  font-size: var(--fontSizeBase300);
  line-height: var(--lineHeightBase300);
  color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1);
}
h1 { font-size: var(--fontSizeBase500); line-height: var(--lineHeightBase500); font-weight: var(--fontWeightSemibold); margin: 0; }
h2 { font-size: var(--fontSizeBase400); line-height: var(--lineHeightBase400); font-weight: var(--fontWeightSemibold); margin: 0 0 var(--spacingVerticalS); }
p { margin: 0 0 var(--spacingVerticalS); }
.hint { color: var(--colorNeutralForeground2); font-size: var(--fontSizeBase200); line-height: var(--lineHeightBase200); }
.actions + .hint, .field-row + .hint, .actions + .glance-area { margin-top: var(--spacingVerticalS); }

/* The pane */
.pane { min-width: 0; display: flex; flex-direction: column; gap: var(--spacingVerticalM); padding: var(--spacingVerticalM) var(--spacingHorizontalL); max-width: 100%; }
.pane-header { display: flex; align-items: center; gap: var(--spacingHorizontalS); flex-wrap: wrap; }
.pane-section { border-top: var(--strokeWidthThin) solid var(--colorNeutralStroke2); padding-top: var(--spacingVerticalM); }
.pane-section > .actions, .field-row { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalS); align-items: flex-end; }
.stack { display: flex; flex-direction: column; gap: var(--spacingVerticalXS); margin-bottom: var(--spacingVerticalS); }

/* The preview's native buttons, in Fluent's default and primary appearances */
button:not([class*="fui-"]) {
  font: inherit; font-weight: var(--fontWeightSemibold);
  min-height: 32px; min-width: 96px; padding: 5px var(--spacingHorizontalM);
  border-radius: var(--borderRadiusMedium);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  background: var(--colorNeutralBackground1); color: var(--colorNeutralForeground1);
  cursor: pointer;
}
button:not([class*="fui-"]):hover { background: var(--colorNeutralBackground1Hover); border-color: var(--colorNeutralStroke1Hover); }
button:not([class*="fui-"]):active { background: var(--colorNeutralBackground1Pressed); border-color: var(--colorNeutralStroke1Pressed); }
button.primary { background: var(--colorBrandBackground); color: var(--colorNeutralForegroundOnBrand); border-color: transparent; }
button.primary:hover { background: var(--colorBrandBackgroundHover); }
button.primary:active { background: var(--colorBrandBackgroundPressed); }
button:not([class*="fui-"]):disabled, button:not([class*="fui-"])[aria-disabled="true"] {
  background: var(--colorNeutralBackgroundDisabled); color: var(--colorNeutralForegroundDisabled);
  border-color: var(--colorNeutralStrokeDisabled); cursor: not-allowed;
}
:focus-visible:not([class*="fui-"]) { outline: var(--strokeWidthThick) solid var(--colorStrokeFocus2); outline-offset: 2px; border-radius: var(--borderRadiusMedium); }
a { color: var(--colorBrandForegroundLink); }
a:hover { color: var(--colorBrandForegroundLinkHover); }

/* Fields */
input[type="number"]:not([class*="fui-"]), input[type="text"]:not([class*="fui-"]), select:not([class*="fui-"]) {
  font: inherit; min-height: 32px; padding: 0 var(--spacingHorizontalMNudge);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  border-bottom-color: var(--colorNeutralStrokeAccessible);
  border-radius: var(--borderRadiusMedium);
  background: var(--colorNeutralBackground1); color: var(--colorNeutralForeground1);
  min-width: 0; max-width: 100%;
}
input:not([class*="fui-"]):focus-visible, select:not([class*="fui-"]):focus-visible { outline-offset: 0; border-bottom: var(--strokeWidthThick) solid var(--colorCompoundBrandStroke); }
input:not([class*="fui-"]):disabled, select:not([class*="fui-"]):disabled { background: var(--colorNeutralBackgroundDisabled); color: var(--colorNeutralForegroundDisabled); border-color: var(--colorNeutralStrokeDisabled); }
fieldset { border: 0; margin: 0 0 var(--spacingVerticalS); padding: 0; min-width: 0; }
legend { font-weight: var(--fontWeightSemibold); padding: 0; margin-bottom: var(--spacingVerticalXS); }

/* Progress, status and alerts (Fluent's progress bar and error message bar) */
.status { display: flex; flex-direction: column; gap: var(--spacingVerticalXS); }
.status-text { color: var(--colorNeutralForeground2); margin: 0; min-height: var(--lineHeightBase300); }
.alert:not(:empty) {
  background: var(--colorStatusDangerBackground1); border: var(--strokeWidthThin) solid var(--colorStatusDangerBorder1);
  border-left: var(--strokeWidthThickest) solid var(--colorStatusDangerForeground1);
  border-radius: var(--borderRadiusMedium); padding: var(--spacingVerticalS) var(--spacingHorizontalM);
}

/* Summary tables */
table.summary { border-collapse: collapse; width: 100%; font-size: var(--fontSizeBase200); line-height: var(--lineHeightBase200); margin-bottom: var(--spacingVerticalM); }
table.summary.fui-Table { table-layout: auto; }
table.summary .fui-TableHeaderCell__button { display: block; min-height: 0; padding: 0; }
table.summary tr, table.summary th, table.summary td { height: auto; min-height: 0; }
table.summary caption { text-align: left; font-weight: var(--fontWeightSemibold); font-size: var(--fontSizeBase300); padding-bottom: var(--spacingVerticalXS); }
table.summary th, table.summary td { padding: var(--spacingVerticalXS) var(--spacingHorizontalXS); border-bottom: var(--strokeWidthThin) solid var(--colorNeutralStroke2); text-align: left; vertical-align: top; }
table.summary thead th { color: var(--colorNeutralForeground2); font-weight: var(--fontWeightSemibold); }
table.summary tbody th { font-weight: var(--fontWeightRegular); }
table.summary tfoot th, table.summary tfoot td { font-weight: var(--fontWeightSemibold); border-bottom: 0; border-top: var(--strokeWidthThick) solid var(--colorNeutralStroke1); }
.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
.negative { color: var(--colorStatusDangerForeground1); }

/* The answer at the top */
.answer { border-top: 0; padding-top: 0; }
.answer:focus-visible { outline-offset: 4px; }
.answer h2 { margin-bottom: var(--spacingVerticalXS); }
.answer h3, .check-group h3 { font-size: var(--fontSizeBase300); line-height: var(--lineHeightBase300); font-weight: var(--fontWeightSemibold); margin: 0 0 2px; }
.answer-fund-chooser { display: flex; flex-direction: row; align-items: center; gap: var(--spacingHorizontalS); margin-bottom: var(--spacingVerticalXS); }
.answer-fund-chooser > label { white-space: nowrap; }
.answer-fund-chooser > .fui-Select { flex: 1; min-width: 0; }
.answer-counts { font-weight: var(--fontWeightSemibold); margin-bottom: var(--spacingVerticalXS); }
.answer-counts .count-error { color: var(--colorPaletteRedForeground1); }
table.answer-funds { margin-bottom: var(--spacingVerticalS); }
table.answer-funds th, table.answer-funds td { padding: 1px var(--spacingHorizontalXS); }
table.answer-funds .answer-fund th { font-weight: var(--fontWeightSemibold); border-bottom: 0; padding-top: var(--spacingVerticalXS); }
table.answer-funds .answer-change th { color: var(--colorNeutralForeground2); }
.answer-moves { display: grid; grid-template-columns: 1fr 1fr; gap: var(--spacingHorizontalM); font-size: var(--fontSizeBase200); line-height: var(--lineHeightBase200); }
.answer-moves ul { list-style: none; margin: 0; padding: 0; }
.answer-moves li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 var(--spacingHorizontalXS); }
.answer-moves .mover-name { overflow-wrap: anywhere; }
.stale { background: var(--colorStatusWarningBackground1); border: var(--strokeWidthThin) solid var(--colorStatusWarningBorder1); border-radius: var(--borderRadiusMedium); padding: var(--spacingVerticalXS) var(--spacingHorizontalS); }




/* The controls, in tabs */
.pane-controls .model-status { margin-bottom: var(--spacingVerticalXS); }
.pane-controls .fui-TabList { flex-wrap: wrap; margin: 0 calc(-1 * var(--spacingHorizontalS)); }
.pane-panel { padding-top: var(--spacingVerticalS); }
.pane-panel .actions { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalS); }
.scenario-boxes { display: flex; flex-direction: column; margin-left: calc(-1 * var(--spacingHorizontalS)); }
.grant-form .field-row { flex-direction: column; align-items: flex-start; }
.grant-field .fui-Input { width: 12em; max-width: 100%; }
.grant-field .fui-Input input { text-align: right; font-variant-numeric: tabular-nums; }
.field-row .fui-Select { min-width: 9em; }
.pane-alert:empty { display: none; }
.chart-host { min-width: 0; }
/* Severity badges, as Fluent's tint Badge draws them */
.badge { display: inline-block; padding: 0 var(--spacingHorizontalXS); border-radius: var(--borderRadiusSmall); font-weight: var(--fontWeightSemibold); font-size: var(--fontSizeBase100); line-height: var(--lineHeightBase200); border: var(--strokeWidthThin) solid transparent; }
.badge-error { background: var(--colorStatusDangerBackground1); color: var(--colorStatusDangerForeground1); border-color: var(--colorStatusDangerBorder1); }
.badge-warning { background: var(--colorStatusWarningBackground1); color: var(--colorStatusWarningForeground3); border-color: var(--colorStatusWarningBorder1); }
.badge-info { background: var(--colorBrandBackground2); color: var(--colorBrandForeground2); border-color: var(--colorBrandStroke2); }

/* The Checks list */
.check-group { list-style: none; }
.check-group > ul { list-style: none; margin: 0 0 var(--spacingVerticalS); padding: 0; display: flex; flex-direction: column; gap: var(--spacingVerticalXS); }
.checks { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: var(--spacingVerticalXS); }
.check-body {
  display: grid; grid-template-columns: auto 1fr; gap: 2px var(--spacingHorizontalS); width: 100%; text-align: left;
  padding: var(--spacingVerticalS) var(--spacingHorizontalS); min-width: 0;
  font-weight: var(--fontWeightRegular); font-size: var(--fontSizeBase200); line-height: var(--lineHeightBase200);
  border: var(--strokeWidthThin) solid var(--colorNeutralStroke2); border-radius: var(--borderRadiusMedium);
  background: var(--colorNeutralBackground1);
}
div.check-body { cursor: default; }
.check-body .badge { grid-row: span 2; align-self: start; }
.check-name { font-weight: var(--fontWeightSemibold); }
.check-where { grid-column: 2; color: var(--colorNeutralForeground2); }
.check-message { grid-column: 1 / -1; overflow-wrap: anywhere; }
.check-more { color: var(--colorNeutralForeground2); font-size: var(--fontSizeBase200); }

/* The preview page: banner, the pane at task-pane width, the workbook beside it */
.preview-banner {
  display: flex; flex-wrap: wrap; gap: var(--spacingVerticalXS) var(--spacingHorizontalL); align-items: baseline;
  padding: var(--spacingVerticalS) var(--spacingHorizontalL);
  background: var(--colorBrandBackground2); border-bottom: var(--strokeWidthThin) solid var(--colorBrandStroke2);
}
.preview-banner p { margin: 0; flex: 1 1 24em; }
.preview-badge { display: inline-block; padding: 0 var(--spacingHorizontalS); border-radius: var(--borderRadiusCircular); background: var(--colorBrandBackground); color: var(--colorNeutralForegroundOnBrand); font-weight: var(--fontWeightSemibold); margin-right: var(--spacingHorizontalS); }
.file-actions { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalS); align-items: center; }
.file-button {
  display: inline-flex; align-items: center; min-height: 32px; padding: 5px var(--spacingHorizontalM);
  border-radius: var(--borderRadiusMedium); border: var(--strokeWidthThin) solid var(--colorNeutralStroke1);
  background: var(--colorNeutralBackground1); cursor: pointer;
}
.file-button:not([class*="fui-"]):hover { background: var(--colorNeutralBackground1Hover); }
.file-actions input:focus-visible + .file-button { outline: var(--strokeWidthThick) solid var(--colorStrokeFocus2); outline-offset: 2px; }
.file-status:empty { display: none; }
.file-status { margin: 0; flex-basis: 100%; }
.preview-banner .alert:not(:empty) { flex-basis: 100%; }
.preview-layout { display: grid; grid-template-columns: minmax(300px, 380px) 1fr; align-items: start; }
.preview-layout > .pane { border-right: var(--strokeWidthThin) solid var(--colorNeutralStroke2); min-height: 100vh; }
@media (max-width: 800px) { .preview-layout { grid-template-columns: minmax(0, 1fr); } .preview-layout > .pane { border-right: 0; min-height: 0; } }
.workbook { padding: var(--spacingVerticalM) var(--spacingHorizontalL); min-width: 0; background: var(--colorNeutralBackground2); min-height: 100vh; }
.sheet-tabs { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalXS); border-bottom: var(--strokeWidthThin) solid var(--colorNeutralStroke1); margin-bottom: var(--spacingVerticalS); }
.sheet-tab { min-width: 0; border-radius: var(--borderRadiusMedium) var(--borderRadiusMedium) 0 0; border-bottom: 0; font-weight: var(--fontWeightRegular); background: var(--colorNeutralBackground3); }
.sheet-tab[aria-selected="true"] { background: var(--colorNeutralBackground1); color: var(--colorBrandForeground1); font-weight: var(--fontWeightSemibold); box-shadow: inset 0 -3px 0 var(--colorCompoundBrandStroke); }
.sheet-tab .owned { color: var(--colorNeutralForeground2); font-weight: var(--fontWeightRegular); }
.sheet-panel { background: var(--colorNeutralBackground1); border: var(--strokeWidthThin) solid var(--colorNeutralStroke2); border-radius: var(--borderRadiusMedium); padding: var(--spacingVerticalS) var(--spacingHorizontalM); overflow: auto; max-height: calc(100vh - 160px); }
.sheet-panel:focus-visible { outline-offset: -2px; }
.sheet-title { font-weight: var(--fontWeightSemibold); margin: 0; }
.sheet-title + .sheet-title { font-weight: var(--fontWeightRegular); color: var(--colorNeutralForeground2); font-size: var(--fontSizeBase200); }
.sheet-title:last-of-type { margin-bottom: var(--spacingVerticalS); }
table.grid { border-collapse: collapse; font-size: var(--fontSizeBase200); line-height: var(--lineHeightBase200); margin-bottom: var(--spacingVerticalM); }
table.grid caption { text-align: left; font-weight: var(--fontWeightSemibold); padding-bottom: var(--spacingVerticalXS); }
table.grid th, table.grid td { border: var(--strokeWidthThin) solid var(--colorNeutralStroke2); padding: 2px var(--spacingHorizontalS); text-align: left; vertical-align: top; max-width: 28em; overflow-wrap: break-word; }
table.grid td:first-child { white-space: nowrap; }
table.grid thead th { background: var(--colorNeutralBackground3); font-weight: var(--fontWeightSemibold); position: sticky; top: 0; }
table.grid tfoot td, table.grid tfoot th { font-weight: var(--fontWeightBold); background: var(--colorNeutralBackground2); }
table.grid tr.selected > * { background: var(--colorBrandBackground2); box-shadow: inset 0 2px 0 var(--colorCompoundBrandStroke), inset 0 -2px 0 var(--colorCompoundBrandStroke); }
.chart { display: block; max-width: 640px; width: 100%; height: auto; margin-bottom: var(--spacingVerticalM); background: var(--colorNeutralBackground1); }
.chart text { font-family: var(--fontFamilyBase); font-size: 11px; fill: var(--colorNeutralForeground2); }
.chart .chart-title { font-size: 13px; font-weight: 600; fill: var(--colorNeutralForeground1); }
.chart .axis { stroke: var(--colorNeutralStroke1); }
.chart .gridline { stroke: var(--colorNeutralStroke3); }
.chart .axis-title { font-weight: 600; }
.chart .bar-value { font-size: 10px; fill: var(--colorNeutralForeground1); }
.chart .series-0 { fill: var(--colorPaletteBlueBorderActive); }
.chart .series-1 { fill: var(--colorPaletteDarkOrangeBorderActive); }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
