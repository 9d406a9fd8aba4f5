import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent text-white hover:bg-accent-strong disabled:opacity-60 px-4 py-2 rounded-md font-medium",
  secondary: "border border-line bg-white text-ink hover:bg-stone-50 disabled:opacity-60 px-3 py-1.5 rounded-md",
  link: "text-accent underline-offset-4 hover:underline",
};

export function Button({ variant = "primary", className = "", type = "button", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  return <button type={type} className={`${VARIANTS[variant]} transition-colors ${className}`} {...props} />;
}
