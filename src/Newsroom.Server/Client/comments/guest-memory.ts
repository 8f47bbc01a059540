// A guest's name and email, remembered in this browser only (localStorage), so the next comment does not ask again.

const key = "newsroom.commenter";

export function recallGuest(nameBox: HTMLInputElement, emailBox: HTMLInputElement): void {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? "{}") as { name?: string; email?: string };
    nameBox.value = saved.name ?? "";
    emailBox.value = saved.email ?? "";
  } catch {
    // Storage off or unreadable: the reader types them again.
  }
}

export function rememberGuest(nameBox: HTMLInputElement, emailBox: HTMLInputElement): void {
  try {
    localStorage.setItem(key, JSON.stringify({ name: nameBox.value, email: emailBox.value }));
  } catch {
    // Storage off or full: the comment goes anyway, the name is typed again next time.
  }
}

/** The email a guest commented with last in this browser, or "" (the subscribe form starts from it). */
export function rememberedEmail(): string {
  try {
    return (JSON.parse(localStorage.getItem(key) ?? "{}") as { email?: string }).email ?? "";
  } catch {
    return "";
  }
}
