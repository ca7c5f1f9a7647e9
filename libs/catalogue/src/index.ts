export * from './benchmark/benchmark-document';
export * from './translation/translatable-text';
export * from './entities';
export * from './benchmark/benchmark.service';
export * from './catalogue.module';
export * from './catalogue.seed';
export * from './field-of-action/field-of-action.service';
export * from './good-practice/good-practice-document';
export * from './good-practice/good-practice.inputs';
export * from './good-practice/good-practice.resolver';
export * from './good-practice/good-practice.service';
export * from './good-practice/good-practice-text';
export { readGoodPracticeDocx } from './good-practice/docx/read-good-practice-docx';
/** A good practice as a Word file (docx is loaded on first use: it is large, and most processes never write one). */
export const writeGoodPracticeDocx: typeof import('./good-practice/docx/write-good-practice-docx').writeGoodPracticeDocx = (doc, options) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./good-practice/docx/write-good-practice-docx').writeGoodPracticeDocx(doc, options);
