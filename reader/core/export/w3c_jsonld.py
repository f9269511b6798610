"""Any JSON-LD shape of W3C annotations brought to the one `w3c.py` writes, offline (PyLD).

A file in exactly our shape (our context, or the Web Annotation context alone, and only plain
term names), or plain JSON with no context at all, is read as it is. Anything else is expanded
with PyLD against the shipped copy of the Web Annotation context (resources/w3c/anno.jsonld)
and compacted again with w3c.CONTEXT, so that the same data under other term names, as
expanded JSON-LD or with `@id`/`@type`, reads alike. No network is ever opened: a context
other than the Web Annotation one (or one given inline) cannot be fetched and is an error.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from reader.core.errors import InputError
from reader.core.export.w3c import ANNO_CONTEXT, CONTEXT
from reader.resources import resource_path

# The addresses the Web Annotation context is published at
ANNO_URLS = frozenset({
    "http://www.w3.org/ns/anno.jsonld", "https://www.w3.org/ns/anno.jsonld",
    "http://www.w3.org/ns/anno", "https://www.w3.org/ns/anno",
})


@cache
def anno_context() -> dict[str, Any]:
    """The shipped Web Annotation context document."""
    loaded: dict[str, Any] = json.loads(
        resource_path("w3c", "anno.jsonld").read_text(encoding="utf-8")
    )
    return loaded


def offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    """PyLD's document loader: the Web Annotation context from the shipped copy, nothing else."""
    if url in ANNO_URLS:
        return {"contextUrl": None, "documentUrl": url, "document": anno_context()}
    raise InputError(
        f"uses the JSON-LD context {url[:200]}, which cannot be read offline "
        f"(only {ANNO_CONTEXT} is known)"
    )


def canonical(data: Any) -> Any:
    """`data` in the shape w3c.py writes (see the module docstring); InputError if it is
    not valid JSON-LD or needs a context that cannot be had offline."""
    if _plain(data):
        return data
    from pyld import jsonld

    options = {"documentLoader": offline_loader}
    try:
        expanded = jsonld.expand(data, options)
        return jsonld.compact(expanded, {"@context": CONTEXT}, options)
    except InputError:
        raise
    except jsonld.JsonLdError as exc:
        cause = _cause(exc)
        if isinstance(cause, InputError):
            raise cause from None
        raise InputError(f"is not valid JSON-LD ({_message(exc)})") from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise InputError(f"is not valid JSON-LD ({exc})") from None


def _cause(exc: BaseException) -> BaseException | None:
    seen = 0
    while exc is not None and seen < 20:
        if isinstance(exc, InputError):
            return exc
        nxt = getattr(exc, "cause", None) or exc.__cause__ or exc.__context__
        exc = nxt  # type: ignore[assignment]
        seen += 1
    return None


def _message(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]


def _plain(data: Any) -> bool:
    """Whether `data` can be read without a JSON-LD processor: no context anywhere (plain
    JSON, read by its key names), or our context (or the Web Annotation one) at the top of
    each annotation or collection and plain term names everywhere."""
    tops = data if isinstance(data, list) else [data]
    contexts = [d.get("@context") for d in tops if isinstance(d, dict)]
    if all(c is None for c in contexts) and not _nested_context(data):
        # plain JSON unless it is expanded JSON-LD (full IRIs as keys, @value objects)
        return not _expanded(data)
    return all(_ours(c) for c in contexts) and _plain_keys(data, top=True)


def _expanded(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if any(":" in key or key in ("@value", "@list", "@graph") for key in value):
                return True
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _nested_context(data: Any) -> bool:
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "@context" in value:
                return True
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


def _ours(context: Any) -> bool:
    return context in (ANNO_CONTEXT, CONTEXT, [ANNO_CONTEXT])


def _plain_keys(data: Any, *, top: bool) -> bool:
    """No nested @context, no compact IRI or full IRI as a key, no @-keyword but @context
    at the top: the shape w3c.py writes."""
    stack = [(data, top)]
    while stack:
        value, is_top = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "@context" and is_top:
                    continue
                if key.startswith("@") or ":" in key:
                    return False
                stack.append((item, False))
        elif isinstance(value, list):
            stack.extend((item, is_top) for item in value)
    return True
