/** Looks the built-in engine knows by name; a preset adds its words to the prompt, nothing more. */
export const stylePresets = [
  'cinematic', 'watercolor', 'neon', 'pixel-art', 'noir', 'pastel', 'vintage-film', 'comic', 'claymation', 'paper-cut', 'ukiyo-e', 'low-poly',
] as const;

export function withStyle(prompt: string, style: string | null): string {
  const text = prompt.trim();
  return style ? `${text.replace(/[.,;\s]+$/, '')}, ${style} style` : text;
}
