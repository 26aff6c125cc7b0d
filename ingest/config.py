"""Read config.toml into frozen, validated dataclasses.

Every default lives in the project's config.toml; the dataclass defaults below mirror
it so the library works without a file. A key that is not known, or a value of the
wrong type or range, raises ConfigError naming the key.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints


class ConfigError(ValueError):
    """A configuration file or value that cannot be used; the message names the key."""


@dataclass(frozen=True)
class ArchiveOptions:
    """Where the archive lives and how it is written."""

    path: str = "archive.db"
    batch_size: int = 200
    batch_bytes: int = 32_000_000
    busy_timeout: float = 30.0
    filter_memory_mb: int = 96

    @property
    def filter_memory(self) -> int:
        """`filter_memory_mb` in bytes: the LSH filters an ingest process may hold in memory."""
        return self.filter_memory_mb * 2**20


@dataclass(frozen=True)
class InputOptions:
    """Which files are read and how large they may be."""

    extensions: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson", ".json", ".warc", ".rss",
                                   ".atom", ".xml")
    max_file_bytes: int = 50_000_000
    max_clean_bytes: int = 4_000_000
    follow_links_outside: bool = False
    workers: int = 0
    source: str = "site"
    record_html_fields: tuple[str, ...] = ("html", "raw_html", "content_html", "body_html")
    record_text_fields: tuple[str, ...] = ("maintext", "text", "plaintext", "body", "content", "article")
    record_markdown_fields: tuple[str, ...] = ("markdown",)  # Firecrawl, crawl4ai: read after text
    record_url_fields: tuple[str, ...] = ("url", "canonical_url", "link", "source_url")
    record_title_fields: tuple[str, ...] = ("title", "headline")
    record_date_fields: tuple[str, ...] = ("date_publish", "publishing_date", "publish_date", "date",
                                           "published", "date_published")
    record_author_fields: tuple[str, ...] = ("authors", "author", "byline")
    record_site_fields: tuple[str, ...] = ("source_domain", "publisher", "sitename", "site_name",
                                           "hostname", "source")
    record_fetched_fields: tuple[str, ...] = ("date_download", "fetched_at", "crawled_at", "crawl_date",
                                              "download_date", "scraped_at")


@dataclass(frozen=True)
class CleanOptions:
    """Boilerplate removal settings for HTML and plain text."""

    include_comments: bool = False
    favor_precision: bool = True
    min_paragraph_words: int = 8
    template_min_articles: int = 3
    template_min_share: float = 0.1
    min_body_share: float = 0.1
    detect_language: bool = True
    document_seconds: float = 5.0
    line_model: bool = False


@dataclass(frozen=True)
class DedupOptions:
    """MinHash, LSH and verification settings for articles and passages."""

    scheme: str = "affine32"
    num_perm: int = 128
    seed: int = 1
    article_shingle_size: int = 5
    paragraph_shingle_size: int = 3
    article_lsh_threshold: float = 0.3
    article_jaccard: float = 0.5
    article_containment: float = 0.8
    head_containment: float = 0.7
    paragraph_min_words: int = 20
    paragraph_lsh_threshold: float = 0.4
    paragraph_lsh_perms: int = 32
    passage_jaccard: float = 0.5
    passage_containment: float = 0.7
    chrome_min_articles: int = 3
    index_saturation: int = 16


@dataclass(frozen=True)
class Config:
    """The whole configuration, one section per stage."""

    archive: ArchiveOptions = field(default_factory=ArchiveOptions)
    input: InputOptions = field(default_factory=InputOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)


# MinHash permutations: the estimate's standard error is 1/sqrt(num_perm) (0.25 at 16);
# above 1,024 a sketch costs more than it adds
MIN_NUM_PERM, MAX_NUM_PERM = 16, 1024
_FRACTIONS = {
    "article_lsh_threshold", "article_jaccard", "article_containment",
    "paragraph_lsh_threshold", "passage_jaccard", "passage_containment", "head_containment",
}
_POSITIVE = {
    "batch_size", "batch_bytes", "max_file_bytes", "max_clean_bytes", "num_perm", "article_shingle_size",
    "paragraph_shingle_size", "min_paragraph_words", "template_min_articles",
    "paragraph_min_words", "chrome_min_articles", "paragraph_lsh_perms", "index_saturation",
}


def _coerce(key: str, value: Any, kind: Any) -> Any:
    """Check one value against its annotated type and return it in that type."""
    if kind is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{key}: expected true or false, got {value!r}")
        return value
    if kind is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{key}: expected a whole number, got {value!r}")
        return value
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{key}: expected a number, got {value!r}")
        return float(value)
    if kind is str:
        if not isinstance(value, str):
            raise ConfigError(f"{key}: expected a string, got {value!r}")
        return value
    if kind == tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{key}: expected a list of strings, got {value!r}")
        return tuple(value)
    raise ConfigError(f"{key}: unsupported option type {kind!r}")  # pragma: no cover


def _check_range(key: str, name: str, value: Any) -> None:
    if name in _FRACTIONS and not 0.0 < value <= 1.0:
        raise ConfigError(f"{key}: expected a fraction in (0, 1], got {value!r}")
    if name in _POSITIVE and value < 1:
        raise ConfigError(f"{key}: expected a number of at least 1, got {value!r}")
    if name in {"workers"} and value < 0:
        raise ConfigError(f"{key}: expected 0 (one per core) or more, got {value!r}")
    if name == "filter_memory_mb" and value < 0:
        raise ConfigError(f"{key}: expected megabytes, 0 or more, got {value!r}")
    if name in ("min_body_share", "template_min_share") and not 0.0 <= value <= 1.0:
        raise ConfigError(f"{key}: expected a fraction in [0, 1] (0 turns the check off), got {value!r}")
    if name == "document_seconds" and not value > 0:
        raise ConfigError(f"{key}: expected seconds, more than 0, got {value!r}")
    if name == "busy_timeout" and value < 0:
        raise ConfigError(f"{key}: expected seconds, 0 or more, got {value!r}")
    if name == "source" and value not in ("site", "folder"):
        raise ConfigError(f"{key}: expected 'site' or 'folder', got {value!r}")
    if name == "num_perm" and not MIN_NUM_PERM <= value <= MAX_NUM_PERM:
        raise ConfigError(f"{key}: expected {MIN_NUM_PERM} to {MAX_NUM_PERM} MinHash permutations (fewer "
                          f"cannot estimate a similarity), got {value!r}")
    if name == "paragraph_lsh_perms" and not 2 <= value <= MAX_NUM_PERM:
        raise ConfigError(f"{key}: expected 2 to {MAX_NUM_PERM} permutations for the paragraph LSH, got {value!r}")
    if name == "seed" and not 0 <= value < 2**32:
        raise ConfigError(f"{key}: expected a MinHash seed from 0 to 2**32 - 1, got {value!r}")
    if name == "scheme" and value not in ("affine32", "affine64"):
        raise ConfigError(f"{key}: expected 'affine32' or 'affine64', got {value!r}")


def _section(name: str, cls: type, values: Any) -> Any:
    if not isinstance(values, dict):
        raise ConfigError(f"[{name}]: expected a table of options, got {values!r}")
    hints = get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in values.items():
        dotted = f"{name}.{key}"
        if key not in known:
            raise ConfigError(f"{dotted}: unknown option (known: {', '.join(sorted(known))})")
        kwargs[key] = _coerce(dotted, value, hints[key])
        _check_range(dotted, key, kwargs[key])
    return cls(**kwargs)


def config_from_dict(data: dict[str, Any]) -> Config:
    """Build a validated Config from parsed TOML; missing keys take their defaults."""
    sections = {f.name: f for f in dataclasses.fields(Config)}
    kwargs = {}
    for name, values in data.items():
        if name not in sections:
            raise ConfigError(f"[{name}]: unknown section (known: {', '.join(sections)})")
        kwargs[name] = _section(name, sections[name].default_factory().__class__, values)
    return Config(**kwargs)


def load_config(path: str | Path | None = None) -> Config:
    """Read a config file; with no path, the built-in defaults (those of config.toml)."""
    if path is None:
        return Config()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    try:
        return config_from_dict(data)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from None
