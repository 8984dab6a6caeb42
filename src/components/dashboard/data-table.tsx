import type { ReactNode } from 'react';

/** A plain, captioned table: the text alternative of every chart and the body of every CSV export. */
export function DataTable({ caption, columns, rows, exportHref }: { caption: string; columns: string[]; rows: ReactNode[][]; exportHref?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-sm text-slate-700">
          {caption}
          {exportHref && (
            <>
              {' · '}
              <a href={exportHref} className="inline-block py-1 font-medium text-blue-800 underline underline-offset-2">
                Download CSV<span className="sr-only"> of {caption}</span>
              </a>
            </>
          )}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="border-b border-slate-300 px-2 py-1.5 font-semibold text-slate-900">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-2 text-slate-700">
                Nothing in this range.
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={index} className="border-b border-slate-100">
                {row.map((cell, cellIndex) => (
                  <td key={cellIndex} className="px-2 py-1.5 align-top text-slate-900">
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

export function Card({ title, children, help }: { title: string; children: ReactNode; help?: ReactNode }) {
  return (
    <section aria-label={title} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {help && <div className="mt-1 text-sm text-slate-700">{help}</div>}
      <div className="mt-3 space-y-3">{children}</div>
    </section>
  );
}
