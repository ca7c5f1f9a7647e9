// The charts' Vega-Lite specs, one definition per chart: the web app draws them in the page and the
// report renderer (libs/reporting) draws the same specs as SVG, PDF vectors and a PNG for Word.
// Pure functions of plain data: no React, no DOM, no Node, and vega-lite is imported for its types only.
export * from './evidence-chart';
export * from './index-scores-chart';
export * from './network-distribution-chart';
export * from './plan-progress-chart';
export * from './ratings-chart';
