/** The colour events of a calendar without one are drawn in. */
export const DEFAULT_EVENT_COLOR = "#3b82f6";

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** WCAG relative luminance of an sRGB colour given as `#rgb` or `#rrggbb`. */
function luminance(hex: string): number {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join("") : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const channel = parseInt(digits.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** `bg` from the calendar's colour, `text` black or white, whichever has the higher WCAG contrast ratio with it. */
export function colorMapFor(color: string | null): { bg: string; text: string } {
  const bg = color && HEX.test(color) ? color.toLowerCase() : DEFAULT_EVENT_COLOR;
  const l = luminance(bg);
  const againstBlack = (l + 0.05) / 0.05;
  const againstWhite = 1.05 / (l + 0.05);
  return { bg, text: againstBlack >= againstWhite ? "#000000" : "#ffffff" };
}
