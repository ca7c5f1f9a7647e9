export * from './model/report-model';
export * from './render/html-report';
export * from './report/report-formats';
export * from './report/report.entity';
export * from './report/report.service';
export * from './reporting.module';
export * from './render/pdf-report';
export * from './render/docx-report';
