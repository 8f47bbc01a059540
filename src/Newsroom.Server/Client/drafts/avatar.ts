import { readableTextOn, safeColour } from "./protocol";

/** An initials badge in the person's colour; the name is in the title and in text for screen readers. */
export function avatar(editor: { userName: string; displayName: string; initials: string; colour: string }): HTMLLIElement {
  const item = document.createElement("li");
  item.className = "avatar";
  item.dataset.userName = editor.userName;
  item.title = editor.displayName;
  const colour = safeColour(editor.colour);
  const badge = document.createElement("span");
  badge.className = "avatar-badge";
  badge.setAttribute("aria-hidden", "true");
  badge.textContent = editor.initials;
  badge.style.backgroundColor = colour;
  badge.style.color = readableTextOn(colour);
  const name = document.createElement("span");
  name.className = "visually-hidden";
  name.textContent = editor.displayName;
  item.append(badge, name);
  return item;
}
