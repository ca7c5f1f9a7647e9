export * from './model/report-model';
export * from './render/html-report';
