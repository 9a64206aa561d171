"""Crawl a portal with Scrapy: site profiles, link rules, politeness and conditional re-fetching.

Scrapy does the fetching (robots.txt, per-host delay, AutoThrottle, retries, timeouts, size
cap, JOBDIR); this module adds only what is vanban's own: which links are listings, articles
and attachments (site profiles in ingest/sites/*.toml), what the crawl already knows (passed
in as `Prior` records) and a callback that receives every `Fetched` outcome. It knows nothing
of databases or tasks; `vanban.crawl_cli` wires it to the raw store, fetch log and extraction.
Scrapy is imported inside functions, so importing this module stays cheap.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from vanban.ingest.normalize import fold

USER_AGENT = "vanban/0.1 (+https://github.com/vanban/vanban)"
SITES_DIR = Path(__file__).resolve().parent / "sites"
RETRY_HTTP_CODES = [408, 429, 500, 502, 503, 504, 522, 524]
MAX_BACKOFF = 60.0

Kind = Literal["listing", "article", "attachment"]
_PRIORITY = {"attachment": 20, "article": 10, "listing": 0}


# -- site profiles -----------------------------------------------------------------------------

@dataclass(frozen=True)
class SiteProfile:
    """Where a portal (or a CMS shared by many portals) keeps listings, articles and attachments."""

    name: str
    description: str = ""
    hosts: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()
    ignore: tuple[re.Pattern, ...] = ()
    listing_links: tuple[re.Pattern, ...] = ()
    listing_css: tuple[str, ...] = ()
    pagination_links: tuple[re.Pattern, ...] = ()
    pagination_css: tuple[str, ...] = ()
    article_links: tuple[re.Pattern, ...] = ()
    article_css: tuple[str, ...] = ()
    article_exclude: tuple[re.Pattern, ...] = ()
    attachment_links: tuple[re.Pattern, ...] = ()
    attachment_css: tuple[str, ...] = ()
    attachment_text: tuple[str, ...] = ()  # folded phrases
    item_css: tuple[str, ...] = ()
    path: str = ""

    def matches_host(self, host: str) -> bool:
        host = host.lower()
        return any(host == h or host.endswith("." + h) for h in self.hosts)


# (toml table, key) -> (SiteProfile field, kind of value)
_FIELDS = {
    ("links", "scope"): ("scope", "css"),
    ("links", "ignore"): ("ignore", "re"),
    ("listing", "links"): ("listing_links", "re"),
    ("listing", "css"): ("listing_css", "css"),
    ("pagination", "links"): ("pagination_links", "re"),
    ("pagination", "css"): ("pagination_css", "css"),
    ("article", "links"): ("article_links", "re"),
    ("article", "css"): ("article_css", "css"),
    ("article", "exclude"): ("article_exclude", "re"),
    ("attachment", "links"): ("attachment_links", "re"),
    ("attachment", "css"): ("attachment_css", "css"),
    ("attachment", "text"): ("attachment_text", "text"),
    ("dates", "item_css"): ("item_css", "css"),
}


def available_profiles() -> list[str]:
    """Names of the profiles shipped in ingest/sites/."""
    return sorted(p.stem for p in SITES_DIR.glob("*.toml"))


def _read_profile_toml(name_or_path: str | Path) -> tuple[dict, Path]:
    path = Path(name_or_path)
    if path.suffix != ".toml" or not path.exists():
        path = SITES_DIR / f"{name_or_path}.toml"
    if not path.exists():
        raise ValueError(f"no site profile {str(name_or_path)!r}: shipped ones are "
                         f"{', '.join(available_profiles())}, or give a path to a .toml file")
    with open(path, "rb") as fh:
        return tomllib.load(fh), path


def _merged(name_or_path: str | Path, seen: tuple[str, ...] = ()) -> dict:
    raw, path = _read_profile_toml(name_or_path)
    parent = raw.get("extends")
    if parent:
        if parent in seen:
            raise ValueError(f"site profile {path}: 'extends' loops through {parent!r}")
        base = _merged(parent, (*seen, str(name_or_path)))
    else:
        base = {}
    merged: dict[str, Any] = {k: v for k, v in base.items() if not isinstance(v, dict)}
    for table in {k for k, v in base.items() if isinstance(v, dict)} | {k for k, v in raw.items() if isinstance(v, dict)}:
        own, inherited = raw.get(table, {}), base.get(table, {})
        # Lists add to the parent's (the profile's own rules first); scalars override.
        merged[table] = {key: (own.get(key, []) + inherited.get(key, [])
                               if isinstance(own.get(key, inherited.get(key)), list)
                               else own.get(key, inherited.get(key)))
                         for key in set(own) | set(inherited)}
    merged.update({k: v for k, v in raw.items() if not isinstance(v, dict) and k != "extends"})
    merged["_path"] = str(path)
    return merged


def load_profile(name_or_path: str | Path) -> SiteProfile:
    """A shipped profile by name (`generic`, `laocai`, ...) or a .toml file, with `extends` resolved."""
    raw = _merged(name_or_path)
    values: dict[str, Any] = {}
    for (table, key), (attr, kind) in _FIELDS.items():
        items = raw.get(table, {}).get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise ValueError(f"site profile {raw['_path']}: [{table}] {key} must be a list of strings")
        if kind == "re":
            try:
                values[attr] = tuple(re.compile(p) for p in items)
            except re.error as exc:
                raise ValueError(f"site profile {raw['_path']}: [{table}] {key}: bad regex: {exc}") from None
        elif kind == "text":
            values[attr] = tuple(fold(unicodedata.normalize("NFC", t)).strip() for t in items)
        else:
            values[attr] = tuple(items)
    return SiteProfile(name=raw.get("name", Path(raw["_path"]).stem), description=raw.get("description", ""),
                       hosts=tuple(h.lower() for h in raw.get("hosts", [])), path=raw["_path"], **values)


def profile_for(urls: Iterable[str]) -> SiteProfile:
    """The shipped profile whose hosts cover the first of `urls` that one covers, else `generic`."""
    profiles = [load_profile(n) for n in available_profiles() if n != "generic"]
    for url in urls:
        host = urlsplit(url).hostname or ""
        for p in profiles:
            if p.matches_host(host):
                return p
    return load_profile("generic")


# -- link rules --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Link:
    url: str
    kind: Kind
    text: str = ""
    date: dt.date | None = None  # the listing entry's date, where the page shows one


_DATE = re.compile(
    r"(?<!\d)(?:(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})"
    r"|(?P<Y>(?:19|20)\d{2})-(?P<M>\d{1,2})-(?P<D>\d{1,2}))(?!\d)"
)


def first_date(text: str) -> dt.date | None:
    """The first valid dd/mm/yyyy (or dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd) date in `text`."""
    for m in _DATE.finditer(text):
        try:
            if m["y"]:
                return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
            return dt.date(int(m["Y"]), int(m["M"]), int(m["D"]))
        except ValueError:
            continue
    return None


def clean_url(href: str, base: str) -> str | None:
    """Absolute http(s) URL without fragment, or None for javascript:, mailto:, tel: and the like."""
    href = (href or "").strip()
    if not href or href.startswith("#"):
        return None
    url = urldefrag(urljoin(base, href))[0]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return url


def _elements(selector, css_list: Iterable[str]) -> set:
    """The <a> elements the selectors pick (a container picks the links inside it).

    The set holds the lxml elements themselves: that keeps their Python proxies alive, so the
    same node is the same object later (ids of dropped proxies get reused).
    """
    found: set = set()
    for css in css_list:
        for sel in selector.css(css):
            el = sel.root
            if getattr(el, "tag", None) == "a":
                found.add(el)
            elif hasattr(el, "iter"):
                found.update(el.iter("a"))
    return found


def _item_date(el, items: set) -> dt.date | None:
    """Date of the listing entry holding anchor `el`: a profile's item, or a small ancestor."""
    node = el
    for _ in range(5):
        node = node.getparent()
        if node is None:
            return None
        if items:
            if node in items:
                return first_date(node.text_content())
            continue
        text = node.text_content()
        if len(text) > 600:
            return None
        date = first_date(text)
        if date:
            return date
    return None


def page_links(selector, page_url: str, page_kind: Kind, profile: SiteProfile) -> list[Link]:
    """The links a page leads to, classified: attachments, pagination/listings, articles.

    `selector` is a parsel Selector over the page. Listing pages yield all three kinds;
    article pages yield their attachments only, so a crawl never wanders off the listings.
    """
    base_href = selector.css("base::attr(href)").get()
    base = urljoin(page_url, base_href.strip()) if base_href else page_url
    scopes = [s for css in profile.scope for s in selector.css(css)] or [selector]
    pagination = _elements(selector, profile.pagination_css)
    listing = _elements(selector, profile.listing_css)
    articles = _elements(selector, profile.article_css)
    attachments = _elements(selector, profile.attachment_css)
    items = {s.root for css in profile.item_css for s in selector.css(css)}

    found: dict[str, Link] = {}
    anchors = [a for scope in scopes for a in scope.css("a[href]")]
    embeds = [(e, e.attrib.get("src") or e.attrib.get("data")) for scope in scopes
              for e in scope.css("iframe[src], embed[src], object[data]")]
    for a in anchors:
        url = clean_url(a.attrib.get("href", ""), base)
        if not url or url in found or url == page_url or any(p.search(url) for p in profile.ignore):
            continue
        el = a.root
        text = unicodedata.normalize("NFC", " ".join(el.text_content().split()))
        label = fold(f"{text} {a.attrib.get('title', '')}")
        kind: Kind | None = None
        if (el in attachments or any(p.search(url) for p in profile.attachment_links)
                or any(t and t in label for t in profile.attachment_text)):
            kind = "attachment"
        elif page_kind != "listing":
            continue
        elif el in pagination or any(p.search(url) for p in profile.pagination_links):
            kind = "listing"
        elif ((el in articles or any(p.search(url) for p in profile.article_links))
              and not any(p.search(url) for p in profile.article_exclude)):
            kind = "article"
        elif el in listing or any(p.search(url) for p in profile.listing_links):
            kind = "listing"
        if kind:
            date = _item_date(el, items) if kind != "listing" else None
            found[url] = Link(url, kind, text, date)
    for _, src in embeds:  # PDF viewers: <iframe src="/files/x.pdf">
        url = clean_url(src or "", base)
        if url and url not in found and any(p.search(url) for p in profile.attachment_links):
            found[url] = Link(url, "attachment")
    return list(found.values())


# -- what crosses the boundary ------------------------------------------------------------------

@dataclass(frozen=True)
class Prior:
    """What an earlier crawl learned about a URL (from the fetch log)."""

    url: str
    kind: str | None = None
    status: int | None = None  # of the latest request
    error: str | None = None  # of the latest request
    sha256: str | None = None  # of the latest body (200, or unchanged by a 304)
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    name: str | None = None
    content_type: str | None = None

    @property
    def has_body(self) -> bool:
        return bool(self.sha256)

    @property
    def ok(self) -> bool:
        """The latest request succeeded and left a body."""
        return self.has_body and self.error is None and self.status in (200, 203, 304)


@dataclass
class Fetched:
    """One request's outcome, handed to the crawl's callback."""

    url: str  # as requested
    kind: Kind
    final_url: str | None = None
    parent_url: str | None = None
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)  # ETag, Last-Modified, Content-Type, ...
    body: bytes | None = None  # on 200; None on 304 (unchanged: `prior` has the body's hash)
    prior: Prior | None = None
    name: str | None = None
    error: str | None = None


@dataclass
class CrawlConfig:
    start_urls: list[str]
    profile: SiteProfile
    delay: float = 1.0
    timeout: float = 30.0
    retries: int = 2
    max_pages: int | None = None
    max_bytes: int = 50_000_000
    since: dt.date | None = None
    allow_hosts: tuple[str, ...] = ()
    recheck: bool = True
    job_dir: str | None = None
    user_agent: str = USER_AGENT
    log_level: str = "ERROR"

    @property
    def hosts(self) -> set[str]:
        return {(urlsplit(u).hostname or "").lower() for u in self.start_urls} | {
            h.lower() for h in self.allow_hosts}


@dataclass
class CrawlHooks:
    """How the spider reaches the world: what is known, where bodies are, who gets outcomes."""

    prior: Mapping[str, Prior]
    on_fetch: Callable[[Fetched], None]
    load_body: Callable[[str], bytes | None]
    has_body: Callable[[str], bool] = lambda sha256: True
    stats: dict[str, int] = field(default_factory=dict)
    close_reason: str | None = None

    def count(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n


_SUFFIX_BY_TYPE = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
}
_KNOWN_SUFFIXES = {".html", ".htm", ".xhtml", ".txt", ".pdf", ".docx", ".doc"}


def file_name(url: str, content_type: str | None = None, disposition: str | None = None) -> str:
    """A file name for ingest: Content-Disposition's, else the URL's last segment, with a suffix
    from the Content-Type when it has none ingest knows."""
    name = ""
    if disposition:
        m = re.search(r"filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)", disposition)
        if m:
            name = unquote(m.group(1).strip().strip('"'))
        else:
            m = re.search(r'filename\s*=\s*"?([^";]+)"?', disposition)
            if m:
                raw = m.group(1).strip()
                try:  # servers often send UTF-8 bytes that arrive decoded as Latin-1
                    raw = raw.encode("latin-1").decode("utf-8")
                except (UnicodeEncodeError, UnicodeDecodeError):
                    pass
                name = raw
    if not name:
        path = urlsplit(url).path
        name = unquote(path.rstrip("/").rsplit("/", 1)[-1]) or (urlsplit(url).hostname or "index")
    name = unicodedata.normalize("NFC", name.replace("/", "_").replace("\\", "_")).strip() or "index"
    media = (content_type or "").split(";")[0].strip().lower()
    if Path(name).suffix.lower() not in _KNOWN_SUFFIXES and media in _SUFFIX_BY_TYPE:
        name += _SUFFIX_BY_TYPE[media]
    return name


def failure_reason(exc: BaseException, timeout: float | None = None) -> str:
    """Words for why a request failed, from Scrapy's or Twisted's exception."""
    name = type(exc).__name__
    message = str(exc).strip()
    if name == "IgnoreRequest" and "robots.txt" in message:
        return "forbidden by robots.txt"
    if name in ("DownloadTimeoutError", "TimeoutError", "TCPTimedOutError", "UserTimeoutError"):
        return f"timed out after {timeout:g} s" if timeout else "timed out"
    if name in ("DownloadConnectionRefusedError", "ConnectionRefusedError"):
        return "connection refused"
    if name in ("CannotResolveHostError", "DNSLookupError"):
        return "host name not found (DNS)"
    if "max size" in message or "larger than download" in message:
        return f"response too large: {message}"
    if name in ("ResponseNeverReceived", "ConnectionLost", "ConnectionDone", "ResponseFailed",
                "ResponseDataLossError", "DownloadFailedError"):
        return f"connection lost ({name}){': ' + message if message else ''}"
    return f"{name}: {message}" if message else name


# -- the Scrapy side ----------------------------------------------------------------------------

def crawl_settings(cfg: CrawlConfig) -> dict[str, Any]:
    """vanban's Scrapy settings: polite, bounded and quiet by default."""
    classes = _scrapy_classes()
    return {
        "BOT_NAME": "vanban",
        "USER_AGENT": cfg.user_agent,
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "vanban",
        "CONCURRENT_REQUESTS": 8,  # across hosts; one at a time per host
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": cfg.delay,
        "RANDOMIZE_DOWNLOAD_DELAY": True,
        "AUTOTHROTTLE_ENABLED": True,
        "AUTOTHROTTLE_START_DELAY": cfg.delay,
        "AUTOTHROTTLE_MAX_DELAY": MAX_BACKOFF,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": cfg.timeout,
        "DNS_TIMEOUT": cfg.timeout,
        "DOWNLOAD_MAXSIZE": cfg.max_bytes,
        "DOWNLOAD_WARNSIZE": min(cfg.max_bytes, 32 * 1024 * 1024),
        "RETRY_ENABLED": True,
        "RETRY_TIMES": cfg.retries,
        "RETRY_HTTP_CODES": RETRY_HTTP_CODES,
        "RETRY_GIVE_UP_LOG_LEVEL": "WARNING",
        "VANBAN_BACKOFF_BASE": max(cfg.delay, 0.25),
        "VANBAN_ALLOWED_HOSTS": sorted(cfg.hosts),
        "DOWNLOADER_MIDDLEWARES": {
            classes["HostGuard"]: 40,  # before robots.txt (100): never ask a foreign host anything
            classes["Conditional"]: 560,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            classes["BackoffRetry"]: 550,
        },
        "SPIDER_MIDDLEWARES": {"scrapy.spidermiddlewares.depth.DepthMiddleware": None},
        "JOBDIR": cfg.job_dir,
        "TELNETCONSOLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "LOG_LEVEL": cfg.log_level,
        "LOG_FORMAT": "%(asctime)s %(levelname)s %(name)s: %(message)s",
    }


def run_crawl(cfg: CrawlConfig, hooks: CrawlHooks) -> CrawlHooks:
    """Crawl in this process (once per process: Twisted's reactor cannot restart); returns hooks
    with `stats` and `close_reason` filled in."""
    from scrapy import signals
    from scrapy.crawler import CrawlerProcess

    spider_cls = _scrapy_classes()["Spider"]
    process = CrawlerProcess(crawl_settings(cfg))
    crawler = process.create_crawler(spider_cls)

    def closed(spider, reason):
        hooks.close_reason = reason

    crawler.signals.connect(closed, signal=signals.spider_closed)
    process.crawl(crawler, vanban_config=cfg, vanban_hooks=hooks)
    process.start()
    return hooks


@cache
def _scrapy_classes() -> dict[str, type]:
    import scrapy
    from scrapy.downloadermiddlewares.retry import RetryMiddleware
    from scrapy.exceptions import IgnoreRequest
    from scrapy.http import HtmlResponse, TextResponse

    class HostGuard:
        """Refuse any request (a link or a redirect) to a host outside the crawl, or not http(s)."""

        def __init__(self, hosts: Iterable[str]) -> None:
            self.hosts = set(hosts)

        @classmethod
        def from_crawler(cls, crawler):
            return cls(crawler.settings.getlist("VANBAN_ALLOWED_HOSTS"))

        def process_request(self, request, spider=None):
            parts = urlsplit(request.url)
            if parts.scheme not in ("http", "https"):
                raise IgnoreRequest(f"not an http(s) URL: {request.url}")
            if (parts.hostname or "").lower() not in self.hosts:
                raise IgnoreRequest(f"outside the crawl's hosts ({parts.hostname}); see --allow-host")
            return None

    class Conditional:
        """Ask only for changes: If-None-Match / If-Modified-Since from what the log knows."""

        def __init__(self, crawler) -> None:
            self.crawler = crawler

        @classmethod
        def from_crawler(cls, crawler):
            return cls(crawler)

        def process_request(self, request, spider=None):
            hooks: CrawlHooks | None = getattr(self.crawler.spider, "hooks", None)
            if hooks is None or request.meta.get("dont_obey_robotstxt"):
                return None  # robots.txt is always fetched whole: a 304 would leave no rules
            urls = [*request.meta.get("redirect_urls", [])[:1], request.url]
            prior = next((hooks.prior[u] for u in urls if u in hooks.prior), None)
            if prior is None or not prior.has_body or not hooks.has_body(prior.sha256):
                return None  # without the stored body a 304 would leave nothing to read
            if prior.etag and b"If-None-Match" not in request.headers:
                request.headers[b"If-None-Match"] = prior.etag
            if prior.last_modified and b"If-Modified-Since" not in request.headers:
                request.headers[b"If-Modified-Since"] = prior.last_modified
            return None

    class BackoffRetry(RetryMiddleware):
        """Scrapy's retries, plus backoff: each retry doubles the host's delay (Retry-After wins)."""

        def process_response(self, request, response, spider=None):
            result = super().process_response(request, response)
            if result is not response:
                self._back_off(request, response.headers.get(b"Retry-After"))
            return result

        def process_exception(self, request, exception, spider=None):
            result = super().process_exception(request, exception)
            if result is not None:
                self._back_off(request, None)
            return result

        def _back_off(self, request, retry_after: bytes | None) -> None:
            base = self.crawler.settings.getfloat("VANBAN_BACKOFF_BASE", 1.0)
            slot = self.crawler.engine.downloader.slots.get(request.meta.get("download_slot"))
            if slot is None:
                return
            delay = min(max(slot.delay * 2, base), MAX_BACKOFF)
            if retry_after:
                try:
                    delay = min(max(delay, float(retry_after.decode().strip())), MAX_BACKOFF)
                except ValueError:
                    when = email.utils.parsedate_to_datetime(retry_after.decode(errors="replace"))
                    if when is not None:
                        wait = (when - dt.datetime.now(dt.UTC)).total_seconds()
                        delay = min(max(delay, wait), MAX_BACKOFF)
            slot.delay = delay

    class PortalSpider(scrapy.Spider):
        name = "vanban"
        handle_httpstatus_list = [304]  # other non-2xx go to the errback via HttpError

        def __init__(self, *args, vanban_config: CrawlConfig, vanban_hooks: CrawlHooks, **kwargs):
            super().__init__(*args, **kwargs)
            self.cfg = vanban_config
            self.hooks = vanban_hooks
            self.start_urls = list(vanban_config.start_urls)  # listings; parse() defaults to it
            self._starts = set(self.start_urls)
            self._hosts = vanban_config.hosts
            self._pages = len(self._starts)  # start pages count against --max-pages
            self._replayed: set[str] = set()

        # Links ---------------------------------------------------------------------------
        def _follow(self, link: Link, parent: str | None) -> Iterator[scrapy.Request]:
            if (urlsplit(link.url).hostname or "").lower() not in self._hosts:
                return
            if link.url in self._starts:
                return  # requested at the start of every run
            if self.cfg.since and link.date and link.date < self.cfg.since:
                self.hooks.count("older than --since")
                return
            prior = self.hooks.prior.get(link.url)
            if link.kind != "listing" and prior is not None and prior.ok:
                if not (self.cfg.recheck and (prior.etag or prior.last_modified)):
                    # Known and unchanged as far as we can tell without asking: read it from
                    # the store instead, so its attachments are still reached.
                    replayed = self._replay(link, prior)
                    if replayed is not None:
                        yield from replayed
                        return
            if link.kind != "attachment":
                if self.cfg.max_pages is not None and self._pages >= self.cfg.max_pages:
                    self.hooks.count("not fetched: --max-pages reached")
                    return
                self._pages += 1
            yield scrapy.Request(
                link.url, callback=self.parse, errback=self.failed, priority=_PRIORITY[link.kind],
                meta={"vanban_kind": link.kind, "vanban_parent": parent},
            )

        def _replay(self, link: Link, prior: Prior) -> Iterator[scrapy.Request] | None:
            if link.url in self._replayed:
                return iter(())
            body = self.hooks.load_body(prior.sha256) if prior.sha256 else None
            if body is None:
                return None
            self._replayed.add(link.url)
            self.hooks.count("known, not re-requested")
            if link.kind == "attachment":
                return iter(())
            page = _stored_response(prior.final_url or link.url, body, prior.content_type)
            if not isinstance(page, TextResponse):
                return iter(())
            return self._children(page, link.kind, link.url)

        def _children(self, page, kind: Kind, url: str) -> Iterator[scrapy.Request]:
            links = page_links(page.selector, page.url, kind, self.cfg.profile)
            docs = [lk for lk in links if lk.kind != "listing"]
            dated = [lk for lk in docs if lk.date]
            stale = bool(self.cfg.since and dated and all(lk.date < self.cfg.since for lk in dated))
            for lk in links:
                if lk.kind == "listing" and stale:
                    self.hooks.count("older than --since")
                    continue
                yield from self._follow(lk, url)

        # Responses -------------------------------------------------------------------------
        def parse(self, response, **kwargs):
            meta = response.meta
            kind: Kind = meta.get("vanban_kind", "listing")
            url = (meta.get("redirect_urls") or [response.url])[0]
            headers = _headers(response)
            fetched = Fetched(url=url, kind=kind, final_url=response.url, parent_url=meta.get("vanban_parent"),
                              status=response.status, headers=headers)
            if response.status == 304:
                prior = self.hooks.prior.get(url) or self.hooks.prior.get(response.url)
                fetched.prior = prior
                fetched.name = prior.name if prior else None
                body = self.hooks.load_body(prior.sha256) if prior and prior.sha256 else None
                page = _stored_response(response.url, body, prior.content_type if prior else None) if body else None
            else:
                fetched.body = response.body
                fetched.name = file_name(response.url, headers.get("Content-Type"),
                                         headers.get("Content-Disposition"))
                page = response
            children: list[scrapy.Request] = []
            if page is None:
                fetched.error = "unchanged (304) but its body is not in the raw store"
            elif kind != "attachment":
                if isinstance(page, TextResponse):
                    try:
                        children = list(self._children(page, kind, url))
                    except Exception as exc:  # a page lxml cannot read must not stop the crawl
                        fetched.error = f"unparseable page: {type(exc).__name__}: {exc}"
                elif kind == "listing":
                    ctype = headers.get("Content-Type") or "no Content-Type"
                    fetched.error = f"unparseable page: listing is not HTML ({ctype})"
            self.hooks.on_fetch(fetched)
            yield from children

        def failed(self, failure):
            request = failure.request
            meta = request.meta
            url = (meta.get("redirect_urls") or [request.url])[0]
            fetched = Fetched(url=url, kind=meta.get("vanban_kind", "listing"), final_url=request.url,
                              parent_url=meta.get("vanban_parent"))
            response = getattr(failure.value, "response", None)
            if response is not None:
                fetched.status = response.status
                fetched.final_url = response.url
                fetched.headers = _headers(response)
                phrase = _reason_phrase(response.status)
                fetched.error = f"HTTP {response.status}{' ' + phrase if phrase else ''}"
            else:
                fetched.error = failure_reason(failure.value, self.cfg.timeout)
            self.hooks.on_fetch(fetched)

    def _stored_response(url: str, body: bytes, content_type: str | None):
        headers = {"Content-Type": content_type} if content_type else {}
        ctype = (content_type or "").lower()
        if "html" in ctype or (not ctype and body.lstrip()[:1] == b"<"):
            return HtmlResponse(url, body=body, headers=headers)
        return scrapy.http.Response(url, body=body, headers=headers)

    return {"Spider": PortalSpider, "HostGuard": HostGuard, "Conditional": Conditional,
            "BackoffRetry": BackoffRetry}


_HEADERS_KEPT = ("ETag", "Last-Modified", "Content-Type", "Content-Length", "Content-Disposition")


def _headers(response) -> dict[str, str]:
    out = {}
    for name in _HEADERS_KEPT:
        value = response.headers.get(name)
        if value is not None:
            out[name] = value.decode("latin-1")
    return out


def _reason_phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
