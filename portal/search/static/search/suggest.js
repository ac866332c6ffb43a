// Suggests titles in a search box's <datalist> as one types; the form works the same without it.
document.querySelectorAll("input[data-suggest-url]").forEach((input) => {
    const list = document.getElementById(input.getAttribute("list"));
    let timer;
    let controller;
    input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const typed = input.value.trim();
            if (typed.length < 2) {
                list.replaceChildren();
                return;
            }
            controller?.abort();
            controller = new AbortController();
            try {
                const url = `${input.dataset.suggestUrl}?q=${encodeURIComponent(typed)}`;
                const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
                if (!response.ok) return;
                const [, titles] = await response.json();
                list.replaceChildren(...titles.map((title) => new Option(title, title)));
            } catch (error) {
                if (error.name !== "AbortError") throw error;
            }
        }, 150);
    });
});
