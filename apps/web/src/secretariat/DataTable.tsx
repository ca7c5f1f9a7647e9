import { ReactNode } from 'react';

/** A column heading: its text, or the text with `num` (right-aligned figures) or `hidden` (for screen readers only). */
export type Column = string | { label: string; num?: boolean; hidden?: boolean };

/** A data table that scrolls sideways on a phone, captioned for screen readers; `children` are its body rows. */
export function DataTable({
  caption,
  columns,
  testId,
  children,
}: {
  caption: string;
  columns: Column[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, i) => {
              const { label, num, hidden } = typeof column === 'string' ? { label: column } : column;
              return (
                <th key={i} scope="col" className={num ? 'num' : undefined}>
                  {hidden ? <span className="visually-hidden">{label}</span> : label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
