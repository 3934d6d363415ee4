// Starts the GOV.UK and MoJ components. Kept in a file, not inline, so the content security
// policy can forbid inline script entirely.
document.body.classList.add("govuk-frontend-supported");
window.GOVUKFrontend.initAll();
window.MOJFrontend.initAll();
