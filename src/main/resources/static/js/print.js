// The print view's one button; kept out of the page so a strict Content-Security-Policy allows it.
document.getElementById('print').addEventListener('click', () => window.print());
