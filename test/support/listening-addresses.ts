import fs from "node:fs";

/**
 * The local addresses a TCP port is listening on, read from the kernel (/proc/net/tcp and tcp6, Linux),
 * so a test can tell "127.0.0.1 only" from "every interface" without sending a packet anywhere.
 * Returns e.g. ["127.0.0.1"], ["0.0.0.0"] or ["::"].
 */
export function listeningAddresses(port: number): string[] {
  return [...read("/proc/net/tcp").map((hex) => ipv4(hex)), ...read("/proc/net/tcp6").map((hex) => ipv6(hex))].filter(
    (entry, i, all) => all.indexOf(entry) === i,
  );

  function read(file: string): string[] {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      return [];
    }
    return text
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === "0A") // LISTEN
      .map((cols) => (cols[1] ?? "").split(":"))
      .filter(([, portHex]) => Number.parseInt(portHex ?? "", 16) === port)
      .map(([addr]) => addr ?? "");
  }
}

/** "0100007F" (little-endian) → "127.0.0.1". */
function ipv4(hex: string): string {
  const bytes = hex.match(/../g) ?? [];
  return bytes
    .reverse()
    .map((b) => Number.parseInt(b, 16))
    .join(".");
}

/** Four little-endian 32-bit words → a compact IPv6 string ("::", "::1", "::ffff:127.0.0.1"). */
function ipv6(hex: string): string {
  const words = (hex.match(/.{8}/g) ?? []).map((w) => (w.match(/../g) ?? []).reverse().join(""));
  const full = words.join("");
  if (/^0{32}$/.test(full)) return "::";
  if (/^0{31}1$/.test(full)) return "::1";
  if (/^0{20}ffff/i.test(full)) return `::ffff:${ipv4((full.slice(24).match(/../g) ?? []).reverse().join(""))}`;
  return (full.match(/.{4}/g) ?? []).join(":");
}

export function isLoopbackListener(address: string): boolean {
  return address === "::1" || /^(::ffff:)?127\./.test(address);
}
