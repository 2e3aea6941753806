import type { SVGProps } from "react";

/** A bookmark with a star: favourites, told apart from ratings' stars and likes' hearts. */
export function FavoriteIcon({ filled = false, ...props }: SVGProps<SVGSVGElement> & { filled?: boolean }) {
  return (
    <svg aria-hidden viewBox="0 0 24 24" width={16} height={16} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" {...props}>
      <path d="M6 3.5h12a1 1 0 0 1 1 1V21l-7-4.5L5 21V4.5a1 1 0 0 1 1-1Z" fill={filled ? "currentColor" : "none"} />
      <path d="m12 7 1.1 2.2 2.4.3-1.75 1.7.4 2.4L12 12.5l-2.15 1.1.4-2.4-1.75-1.7 2.4-.3L12 7Z" fill={filled ? "white" : "currentColor"} stroke="none" />
    </svg>
  );
}
