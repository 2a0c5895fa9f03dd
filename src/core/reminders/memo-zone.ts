import { IANAZone, type Zone } from "luxon";

/**
 * An IANA zone that remembers the UTC offset of each instant it has been asked about. Luxon asks
 * Intl.DateTimeFormat for every offset (formatToParts), which was two thirds of the planner's time:
 * a tick re-plans the same sessions and cycles, so the same instants come back every minute
 * (bench/: planner tick). Offsets of an instant never change, so the memo cannot go stale; it is
 * emptied when large so a long-running server does not grow it without bound.
 */
class MemoZone extends IANAZone {
  readonly #offsets = new Map<number, number>();

  override offset(ts: number): number {
    let offset = this.#offsets.get(ts);
    if (offset === undefined) {
      if (this.#offsets.size >= 100_000) this.#offsets.clear();
      offset = super.offset(ts);
      this.#offsets.set(ts, offset);
    }
    return offset;
  }
}

const zones = new Map<string, Zone>();

/** The memoising zone for an IANA name ("Europe/London"); one instance per name. */
export function memoZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new MemoZone(name);
    zones.set(name, zone);
  }
  return zone;
}
