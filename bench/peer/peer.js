// Fetch the same publications.json, hand every paper to List.js, let it search and paginate.
fetch("publications.json")
  .then((r) => r.json())
  .then((doc) => {
    const papers = Array.isArray(doc) ? doc : doc.publications;
    const values = papers.map((p) => ({
      title: p.title,
      authors: (p.authors || []).join(", "),
      meta: [p.venue, p.year].filter(Boolean).join(" "),
      topics: (p.topics || []).join(", "),
      abstract: p.abstract || "",
    }));
    const list = new List(
      "papers",
      {
        valueNames: ["title", "authors", "meta", "topics", "abstract"],
        item: '<li><h2 class="title"></h2><p class="authors"></p><p class="meta"></p><p class="topics"></p><p class="abstract"></p></li>',
        page: 50,
        pagination: true,
      },
      values,
    );
    const count = document.getElementById("count");
    const show = () => (count.textContent = `${list.matchingItems.length} publications`);
    list.on("updated", show);
    show();
  });
