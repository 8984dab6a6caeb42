import type { ReactNode } from 'react';

/**
 * A plain, captioned table: the text alternative of every chart and the body of every CSV export. Below 640 px
 * each row becomes a stacked card with each value under its column name, so nothing (a transcript link) is
 * off-screen at phone width.
 */
export function DataTable({ caption, columns, rows, exportHref }: { caption: string; columns: string[]; rows: ReactNode[][]; exportHref?: string }) {
  return (
    <div>
      <table className="w-full border-collapse text-left text-sm max-sm:block">
        <caption className="mb-2 text-left max-sm:block text-sm text-slate-700">
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
        <thead className="max-sm:sr-only">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="border-b border-slate-300 px-2 py-1.5 font-semibold text-slate-900">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="max-sm:block max-sm:space-y-2">
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-2 py-2 text-slate-700">
                Nothing in this range.
              </td>
            </tr>
          ) : (
            rows.map((row, index) => (
              <tr key={index} className="border-b border-slate-100 max-sm:block max-sm:rounded-md max-sm:border max-sm:border-slate-200 max-sm:py-1">
                {row.map((cell, cellIndex) => (
                  <td
                    key={cellIndex}
                    data-label={columns[cellIndex] || undefined}
                    className="px-2 py-1.5 align-top text-slate-900 [overflow-wrap:anywhere] max-sm:flex max-sm:gap-3 max-sm:py-1 max-sm:before:w-2/5 max-sm:before:shrink-0 max-sm:before:font-semibold max-sm:before:text-slate-700 max-sm:before:content-[attr(data-label)]"
                  >
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
