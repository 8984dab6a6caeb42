/** Three pulsing dots while the reply is on its way; the words (`{name} is typing…`, resolved on the server) are there for screen readers. */
export function TypingIndicator({ label }: { label: string }) {
  return (
    <div className="flex items-center gap-2 text-sm text-slate-700" role="status">
      <span aria-hidden="true" className="flex gap-1 rounded-2xl rounded-bl-sm bg-slate-100 px-3 py-3">
        {[0, 150, 300].map((delay) => (
          <span key={delay} className="h-2 w-2 animate-bounce rounded-full bg-slate-500 motion-reduce:animate-none" style={{ animationDelay: `${delay}ms` }} />
        ))}
      </span>
      <span>{label}</span>
    </div>
  );
}
