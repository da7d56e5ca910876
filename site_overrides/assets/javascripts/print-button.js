// The "Print this answer" button of an answer page. The page hides it, since it does nothing
// without JavaScript; this shows it. Loaded once per browsing session (a module runs once),
// so it finds the buttons of every page instant navigation brings in through `document$`.
// The walkthrough's own print button (in .dt-widget) belongs to decide.js.

const BUTTONS = ".dt-page-actions [data-action=print]";

function print() {
  window.print();
}

document$.subscribe(() => {
  for (const button of document.querySelectorAll(BUTTONS)) {
    // The same listener added twice is added once.
    button.addEventListener("click", print);
    button.hidden = false;
  }
});
