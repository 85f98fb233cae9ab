// Copy-to-clipboard for citation buttons; works without any library.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("button.copy");
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
  button.classList.add("copied");
  button.textContent = "已复制";
  setTimeout(() => { button.classList.remove("copied"); button.textContent = "复制引用"; }, 2000);
});
