from collections import Counter


def facets_of(tag_strings):
    """{facet: Counter(value: documents)} counted from the documents' tag strings, as the index should."""
    facets = {}
    for tag in " ".join(tag_strings).split():
        facet, _separator, value = tag.partition("_")
        facets.setdefault(facet, Counter())[value] += 1
    return facets
