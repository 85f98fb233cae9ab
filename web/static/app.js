// Copy-to-clipboard for citation buttons, and the citation style form sent on change.
// The page works without this file: the form has its own button, the texts are on the page.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy, button.copy-quote");
  if (!button) return;
  const text = button.dataset.copy;
  try {
    await navigator.clipboard.writeText(text);
  } catch (err) {
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  const label = button.dataset.label || button.textContent;
  button.dataset.label = label;
  button.classList.add("copied");
  button.textContent = "已复制";
  setTimeout(() => { button.classList.remove("copied"); button.textContent = label; }, 2000);
});

document.addEventListener("change", (event) => {
  const select = event.target.closest("form.cite-style select");
  if (select) select.form.submit();
});
