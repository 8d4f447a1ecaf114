export interface ErrorCopy {
  title: string;
  body: string;
}

/**
 * What a visitor reads for an error status. A message from the server is shown only for the
 * statuses that carry one on purpose (expired form, rate limit, bad request); a 500 never shows
 * details.
 */
export function errorCopy(status: number, message?: string): ErrorCopy {
  switch (status) {
    case 404:
      return {
        title: "We couldn't find that page",
        body: "The page does not exist, or it belongs to an account you can't see. Check the address, or go back to your accounts.",
      };
    case 403:
      return {
        title: "Please try again",
        body: message ?? "This form has expired. Reload the page and try again.",
      };
    case 429:
      return { title: "Too many attempts", body: message ?? "Please wait a few minutes and try again." };
    case 400:
      return {
        title: "That request didn't work",
        body: message ?? "Please check what you entered and try again.",
      };
    default:
      return {
        title: "Something went wrong",
        body: "We couldn't show this page because of a problem on our side. Please try again in a moment.",
      };
  }
}
