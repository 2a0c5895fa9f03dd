/**
 * "Lambeth Community Connections'" rather than "…Connections's": team names are mostly plural nouns
 * ("Link Workers", "Connections"), so a name ending in s takes a bare apostrophe.
 */
export function possessive(name: string): string {
  return /s$/i.test(name.trim()) ? `${name.trim()}'` : `${name.trim()}'s`;
}
