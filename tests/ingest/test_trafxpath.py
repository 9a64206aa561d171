"""trafxpath's rewritten XPaths select what trafilatura's own select, node for node.

Each rewritten expression is run beside the original on the shipped pages (raw and after
trafilatura's cleaning, from the root and from inner elements) and on random markup built
from the very tokens the expressions look for, attributes in every order.
"""

from __future__ import annotations

import random
from copy import deepcopy
from pathlib import Path

import pytest
import trafilatura
from lxml import html as lxml_html
from lxml.etree import XPath
from trafilatura import xpaths
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor

from vanban.ingest.trafxpath import PATCHED_LISTS, REGEXP_NS, rewrite

from .helpers import SAMPLES

PORTAL = Path(__file__).resolve().parents[1] / "crawl" / "portal"
BAD = Path(__file__).resolve().parents[1] / "badinputs"
PAGES = sorted(SAMPLES.glob("*.html")) + sorted(PORTAL.rglob("*.html")) + sorted(BAD.glob("*.html"))


def _pairs() -> list[tuple[str, XPath, XPath]]:
    """(name, trafilatura's XPath, its rewrite) for every expression the rewrite changes."""
    pairs = []
    for name in PATCHED_LISTS:
        for expr in getattr(xpaths, name, []):
            if (new := rewrite(expr.path)) != expr.path:
                pairs.append((name, expr, XPath(new, namespaces={"re": REGEXP_NS})))
    return pairs


PAIRS = _pairs()


def _same(tree) -> None:
    for name, old, new in PAIRS:
        assert old(tree) == new(tree), (name, old.path)


def test_the_costly_expressions_are_rewritten() -> None:
    names = {name for name, _, _ in PAIRS}
    assert {"OVERALL_DISCARD_XPATH", "REMOVE_COMMENTS_AND_LISTS_XPATH", "RAW_TREE_PRUNE_XPATH"} <= names


def test_rewrite_shapes() -> None:
    assert rewrite(".//*[self::div or self::p][contains(@class, 'x')]") == "(.//div|.//p)[contains(@class, 'x')]"
    assert rewrite(".//*[@class='a' or contains(@id, 'b')]") == "(.//*/@class/..|.//*/@id/..)[@class='a' or contains(@id, 'b')]"
    assert rewrite(".//*[re:test(@id|@class, 'x')]").endswith("[((@id or @class) and re:test(@id|@class, 'x'))]")
    # a position, a test true without the attribute, a pattern matching "": left alone
    assert rewrite(".//*[self::div][@id][1]") == "(.//div)[@id][not(preceding-sibling::*[self::div][@id])]"
    assert rewrite(".//*[self::div][@id][2]") == ".//*[self::div][@id][2]"
    assert rewrite(".//*[@id][1]") == ".//*[@id][1]"
    assert rewrite(".//*[contains(@class, '')]") == ".//*[contains(@class, '')]"
    assert rewrite(".//*[not(@class)]") == ".//*[not(@class)]"
    assert "(@id) and" not in rewrite(".//p[re:test(@id, 'x?')]")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_pages(path: Path) -> None:
    tree = trafilatura.load_html(path.read_bytes())
    if tree is None:
        return
    options = Extractor(output_format="xml", recall=True, comments=False, tables=True)
    cleaned = convert_tags(tree_cleaning(deepcopy(tree), options), options)
    for root in (tree, cleaned):
        for node in [root, *list(root.iter("*"))[::11]]:
            _same(node)


TAGS = "div p span section aside item list ol ul article main h1 h2 h3 details cell li".split()
ATTRS = "id class style role aria-hidden data-component data-lp-replacement-content itemprop".split()
TOKENS = (
    "comment Comments commentary hidden display:none ad-x -ad- cookie mvp-post-add-box infinite-scroll "
    "main content entry-title post-title caption teaser Teaser nav NAV reply-x article story headline "
    "title true MostPopularStories elementor-share-buttons fulltext FULLTEXT main-content Page-Content x "
    "post entry articleBody articleContent post-content article-body"
).split() + ["", " ad ", "display: none"]


def _markup(rng: random.Random, depth: int = 0) -> str:
    tag = rng.choice(TAGS)
    attrs = "".join(f' {a}="{" ".join(rng.sample(TOKENS, rng.randint(1, 2)))}"' for a in rng.sample(ATTRS, rng.randint(0, 3)))
    inner = "".join(_markup(rng, depth + 1) for _ in range(rng.randint(0, 4))) if depth < 4 else "t"
    return f"<{tag}{attrs}>{inner}</{tag}>"


def test_random_markup() -> None:
    rng = random.Random(7)
    for _ in range(300):
        doc = lxml_html.fromstring(f"<html><body>{_markup(rng)}{_markup(rng)}</body></html>")
        for node in [doc, *list(doc.iter())[::5]]:
            _same(node)
