"""Which extractor runs: the rules by default, an OpenAI-compatible endpoint with `EXTRACTOR=llm`."""

from __future__ import annotations

from datetime import date
from typing import Any

from tracker.extraction.claims import Claim
from tracker.extraction.llm import extract_llm
from tracker.extraction.pipeline import extract


def extract_with_backend(text: str, published: date, settings: Any = None) -> list[Claim]:
    """The configured extractor: rules by default, an OpenAI-compatible endpoint with EXTRACTOR=llm."""
    if settings is not None and getattr(settings, "extractor", "rules") == "llm":
        return extract_llm(text, published, settings)
    return extract(text, published)
