import { HONEYPOT_FIELD } from "@/lib/forms/bot-signals";

/** Off-screen rather than display:none, which simple bots skip; out of the tab order and hidden from screen readers. */
export function Honeypot() {
  return (
    <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
      <label>
        Leave this field empty
        <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </label>
    </div>
  );
}
