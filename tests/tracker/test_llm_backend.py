"""The LLM backend against a loopback OpenAI-compatible server; never the internet."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

import pytest

from tracker.config import Settings
from tracker.extraction.backends import extract_with_backend
from tracker.extraction.llm import LLMError, extract_llm


class Endpoint:
    def __init__(self) -> None:
        self.answer: Any = None
        self.status = 200
        self.requests: list[dict[str, Any]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers["Content-Length"])
                outer.requests.append({"path": self.path, "auth": self.headers.get("Authorization"),
                                       "body": json.loads(self.rfile.read(length))})
                payload = json.dumps({"choices": [{"message": {"content": outer.answer}}]}).encode()
                self.send_response(outer.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"


@pytest.fixture
def endpoint() -> Iterator[Endpoint]:
    ep = Endpoint()
    yield ep
    ep.server.shutdown()


def settings_for(ep: Endpoint) -> Settings:
    return Settings(_env_file=None, extractor="llm", llm_base_url=ep.url, llm_model="tiny",  # type: ignore[call-arg]
                    llm_api_key="sk-test")


def test_claims_go_through_our_deadline_grammar(endpoint: Endpoint) -> None:
    endpoint.answer = json.dumps({"claims": [
        {"speaker": "Donald Trump", "statement": "A summit in Budapest will be held",
         "sentence": "Trump and Putin agreed to hold a summit in Budapest within two weeks.",
         "time_phrase": "within two weeks", "conditional": False},
        {"speaker": None, "statement": "A peace deal could come", "sentence": "A peace deal could come soon.",
         "time_phrase": "soon"},
        {"statement": ""},
    ]})
    claims = extract_with_backend("text", date(2025, 10, 17), settings_for(endpoint))
    assert [(c.speaker, c.deadline, c.vague) for c in claims] == [
        ("Donald Trump", "2025-10-31", False), (None, "2025-11-16", True)]
    assert claims[1].confidence == 0.40
    request = endpoint.requests[0]
    assert request["path"] == "/v1/chat/completions" and request["auth"] == "Bearer sk-test"
    assert request["body"]["model"] == "tiny"


def test_bad_answers_are_one_clear_error(endpoint: Endpoint) -> None:
    endpoint.answer = "I cannot help with that."
    with pytest.raises(LLMError, match="did not answer with JSON"):
        extract_llm("text", date(2025, 10, 17), settings_for(endpoint))
    endpoint.answer = "{\"claims\": [oops]}"
    with pytest.raises(LLMError, match="malformed"):
        extract_llm("text", date(2025, 10, 17), settings_for(endpoint))
    endpoint.status = 500
    with pytest.raises(LLMError, match="endpoint failed"):
        extract_llm("text", date(2025, 10, 17), settings_for(endpoint))


def test_rules_stay_the_default() -> None:
    claims = extract_with_backend("Officials said the bridge will open by March 2026.", date(2025, 10, 17),
                                  Settings(_env_file=None))  # type: ignore[call-arg]
    assert claims and claims[0].deadline == "2026-03-31"
