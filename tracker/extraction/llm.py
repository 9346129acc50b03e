"""Optional extractor over any OpenAI-compatible chat-completions endpoint (EXTRACTOR=llm).

The model only finds claims; deadlines still go through tracker's own deadline grammar and
confidences through the hedge table, so both backends mean the same thing by a date or a number.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import httpx

from tracker.extraction.claims import Claim, dedupe
from tracker.extraction.deadlines import default_deadline, parse_deadline_phrase
from tracker.extraction.hedges import hedge_confidence

PROMPT = (
    "Extract every forward-looking, checkable statement from the news text. Answer with JSON only: "
    '{"claims": [{"speaker": string or null, "statement": short claim, "sentence": the sentence it came from, '
    '"time_phrase": the exact time phrase from the text or "", "conditional": true/false}]}. '
    "Attribute reported speech to the person who made the statement, with their full name. "
    "Skip past events, present facts and questions."
)


class LLMError(RuntimeError):
    """The endpoint failed or answered something that is not the promised JSON."""


def _parse(content: str) -> list[dict[str, Any]]:
    match = re.search(r"\{.*\}|\[.*\]", content, re.DOTALL)
    if not match:
        raise LLMError("the model did not answer with JSON")
    try:
        data = json.loads(match.group(0))
    except json.JSONDecodeError as exc:
        raise LLMError(f"the model's JSON is malformed: {exc.msg}") from None
    items = data.get("claims") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise LLMError("the model's JSON has no list of claims")
    return [i for i in items if isinstance(i, dict)]


def extract_llm(text: str, published: date, settings: Any, client: httpx.Client | None = None) -> list[Claim]:
    if not settings.llm_base_url or not settings.llm_model:
        raise LLMError("EXTRACTOR=llm needs LLM_BASE_URL and LLM_MODEL")
    headers = {"Content-Type": "application/json"}
    if settings.llm_api_key is not None:
        headers["Authorization"] = f"Bearer {settings.llm_api_key.get_secret_value()}"
    body = {"model": settings.llm_model, "temperature": 0, "response_format": {"type": "json_object"},
            "messages": [{"role": "system", "content": PROMPT},
                         {"role": "user", "content": f"Published {published.isoformat()}.\n\n{text[:60_000]}"}]}
    url = settings.llm_base_url.rstrip("/") + "/chat/completions"
    own = client is None
    client = client or httpx.Client(timeout=60)
    try:
        response = client.post(url, json=body, headers=headers)
        response.raise_for_status()
        content = response.json()["choices"][0]["message"]["content"]
    except (httpx.HTTPError, KeyError, IndexError, TypeError, ValueError) as exc:
        raise LLMError(f"the LLM endpoint failed: {type(exc).__name__}") from None
    finally:
        if own:
            client.close()
    claims: list[Claim] = []
    for item in _parse(str(content)):
        statement = str(item.get("statement") or "").strip()
        if not statement:
            continue
        phrase = str(item.get("time_phrase") or "").strip()
        deadline = (parse_deadline_phrase(phrase, published) if phrase else None) or default_deadline(published)
        sentence = str(item.get("sentence") or statement)
        speaker = item.get("speaker")
        claims.append(Claim(
            speaker=str(speaker).strip() if speaker else None, statement=statement[:240], sentence=sentence,
            deadline=deadline.date.isoformat(), deadline_text=deadline.text, vague=deadline.vague,
            confidence=hedge_confidence(sentence if statement not in sentence else statement).probability,
            conditional=bool(item.get("conditional")),
        ))
    return dedupe(claims)
