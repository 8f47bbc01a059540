import { Rating } from "./comment-view";

// The story's star rating under its comments: a reader's stars are sent as they change, and once the connection is up
// the stars show (usable while comments are open) with the reader's own choice checked.

type RatingDeps = {
  stars: HTMLFieldSetElement;
  text: HTMLElement;
  call: <T>(method: string, ...args: unknown[]) => Promise<T>;
  failed: (error: unknown) => void;
};

export function articleRating({ stars, text, call, failed }: RatingDeps): { live(open: boolean): void } {
  stars.addEventListener("change", (e) => {
    const given = Number((e.target as HTMLInputElement).value);
    void call<Rating>("RateArticle", given)
      .then((rating) => (text.textContent = rating.text))
      .catch(failed);
  });

  return {
    live(open) {
      stars.hidden = false;
      stars.disabled = !open;
      void call<Rating>("GetRating")
        .then((rating) => {
          if (rating.mine) {
            stars.querySelector<HTMLInputElement>(`input[value="${rating.mine}"]`)!.checked = true;
          }
        })
        .catch(() => undefined);
    },
  };
}
