/**
 * The error page's words, apart from the dictionary: the error boundary is a client component,
 * and this is all of the dictionary it may ship.
 */
export const errorWords = {
  eyebrow: "Something went wrong",
  heading: "Sorry, this page failed to load",
  lead: "It is our fault, not yours. Try again, or come back in a few minutes.",
  tryAgain: "Try again",
  goHome: "Go to the home page",
  reference: "Reference:",
};
