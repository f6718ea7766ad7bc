/** The region that announces a failed submission; present (empty) before, so it is announced. */
export function FormAlert({ message, className = "" }: { message: string | undefined; className?: string }) {
  return (
    <div
      role="alert"
      className={message ? `rounded-xl border border-danger/40 bg-danger/5 p-4 text-ink ${className}` : ""}
    >
      {message}
    </div>
  );
}
