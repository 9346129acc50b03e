"""A loopback stand-in for the Telegram Bot API.

The real bot is pointed at it with TELEGRAM_API_BASE_URL and talks real HTTP to it. It answers the
methods calledit uses, refuses what Telegram refuses (bad HTML, over-long text, callback data over
64 bytes, editing a message that does not exist), lets a test type as a user and press buttons,
and can inject the failures Telegram produces (429 with retry_after, 5xx, 403 for blocked chats).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.fakeapi.html_check import ParseError, plain_text, utf16_len

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "calledit", "username": "calledit_bot",
            "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}


class ApiError(Exception):
    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


@dataclass
class SentMessage:
    message_id: int
    chat_id: int
    kind: str
    text: str = ""
    html: str = ""
    reply_markup: dict[str, Any] | None = None
    document: bytes | None = None
    filename: str | None = None
    caption: str = ""
    edits: int = 0
    history: list[str] = field(default_factory=list)

    def buttons(self) -> list[dict[str, Any]]:
        if not self.reply_markup:
            return []
        return [b for row in self.reply_markup.get("inline_keyboard", []) for b in row]

    def button(self, label_part: str) -> dict[str, Any]:
        for b in self.buttons():
            if label_part.lower() in b["text"].lower():
                return b
        raise AssertionError(f"no button containing {label_part!r} in {[b['text'] for b in self.buttons()]}")


@dataclass
class Failure:
    method: str
    code: int
    description: str
    retry_after: int | None
    times: int
    chat_id: int | None = None


class FakeTelegram:
    """Runs on its own thread and event loop; every test-facing method is thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(100)
        self._callback_ids = itertools.count(1)
        self.messages: list[SentMessage] = []
        self.by_id: dict[tuple[int, int], SentMessage] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.errors: list[tuple[str, str]] = []
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self.commands: list[dict[str, Any]] = []  # the default menu (no language_code)
        self.commands_by_language: dict[str, list[dict[str, Any]]] = {}  # "" is the default
        self.commands_by_chat: dict[int, list[dict[str, Any]]] = {}  # BotCommandScopeChat menus
        self.descriptions: dict[str, str] = {}  # language_code ("" default) → setMyDescription
        self.short_descriptions: dict[str, str] = {}  # language_code ("" default) → setMyShortDescription
        self.user_languages: dict[int, str] = {}  # user id → the language_code their Telegram app reports
        self.chat_actions: list[tuple[int, str]] = []
        self.admins: dict[int, set[int]] = {}
        self.channels: dict[str, dict[str, Any]] = {}  # "@name" → {"id", "type": "channel", "title"}
        self.blocked: set[int] = set()
        self.failures: list[Failure] = []
        self.rate_limit: tuple[int, float] | None = None  # (max messages, per seconds)
        self.send_delay = 0.0  # seconds each sendMessage takes, to keep requests in flight
        self.token: str | None = None  # when set, any other token is answered 401 Unauthorized, as Telegram does
        self.files: dict[str, bytes] = {}  # file_id → content of files users sent (getFile, /file/…)
        self.method_delays: dict[str, float] = {}  # e.g. {"answerCallbackQuery": 0.5}: a slow Telegram
        self.answered_at: dict[str, float] = {}  # callback query id → monotonic time it was answered
        self.send_log: list[tuple[int, float | None]] = []  # (chat, monotonic time) of each accepted send
        # Several workers can be told apart by a URL prefix (base URL http://host:port/w1/bot):
        self.paused: set[str] = set()  # their requests wait here
        self.dropped: set[str] = set()  # their waiting requests fail and are never delivered
        self.in_flight: dict[str, int] = {}
        self.sent_by: dict[str, int] = {}
        self.webhook: dict[str, Any] | None = None
        self._sent_times: list[float] = []
        self.too_many: int = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self._new_update: asyncio.Event | None = None
        self.port = 0

    # ------------------------------------------------------------ lifecycle
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> FakeTelegram:
        ready = threading.Event()

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            self._new_update = asyncio.Event()
            app = web.Application(client_max_size=60 * 1024 * 1024)
            app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._file)
            app.router.add_route("*", "/bot{token}/{method}", self._handle)
            app.router.add_route("*", "/{prefix}/bot{token}/{method}", self._handle)
            self._runner = web.AppRunner(app, access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, name="fake-telegram", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        if self._loop:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread:
            self._thread.join(10)

    # ------------------------------------------------------------ the user's side
    def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            update.setdefault("update_id", next(self._update_ids))
            self._updates.append(update)
        if self._loop and self._new_update:
            self._loop.call_soon_threadsafe(self._new_update.set)
        return update

    @staticmethod
    def chat(chat_id: int, title: str | None = None) -> dict[str, Any]:
        if chat_id < 0:
            return {"id": chat_id, "type": "supergroup", "title": title or "Test group"}
        return {"id": chat_id, "type": "private", "first_name": "Ann"}

    def user(self, user_id: int, name: str = "Ann") -> dict[str, Any]:
        """A user as Telegram describes them, with the language_code of their app when a test set one."""
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": name, "username": name.lower()}
        if user_id in self.user_languages:
            user["language_code"] = self.user_languages[user_id]
        return user

    def send(self, chat_id: int, text: str, user_id: int | None = None, name: str = "Ann",
             forward_origin: dict[str, Any] | None = None, reply_to: int | None = None,
             text_links: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Type `text` into a chat as a user; commands, mentions and URLs get Telegram's entities
        (`text_links`: extra {"type": "text_link", "offset", "length", "url"} entities, UTF-16 offsets)."""
        return self._push(self.message_update(chat_id, text, user_id, name, forward_origin, reply_to, text_links))

    def add_channel(self, name: str, chat_id: int, title: str, bot_is_admin: bool) -> None:
        """A channel getChat("@name") finds; getChatMember says whether the bot administers it."""
        self.channels["@" + name.lstrip("@").lower()] = {"id": chat_id, "type": "channel", "title": title,
                                                         "username": name.lstrip("@")}
        if bot_is_admin:
            self.admins.setdefault(chat_id, set()).add(BOT_USER["id"])

    def channel_post(self, chat_id: int, text: str, edited: bool = False, message_id: int | None = None,
                     date: int | None = None) -> dict[str, Any]:
        """A post in a channel (no sender), as Telegram delivers it to a bot that is an admin there."""
        channel = next((c for c in self.channels.values() if c["id"] == chat_id),
                       {"id": chat_id, "type": "channel", "title": "Channel"})
        update = self.message_update(chat_id, text)
        message = update["message"]
        message.pop("from", None)
        message["chat"] = dict(channel)
        message["sender_chat"] = dict(channel)
        if message_id is not None:
            message["message_id"] = message_id
        if date is not None:
            message["date"] = date
        if edited:
            message["edit_date"] = int(time.time())
        del update["message"]
        update["edited_channel_post" if edited else "channel_post"] = message
        return self._push(update)

    def user_edit(self, sent: dict[str, Any], text: str) -> dict[str, Any]:
        """The user edits a message they sent (the update `send` returned): an edited_message update."""
        message = {**sent["message"], "text": text, "edit_date": int(time.time())}
        message.pop("entities", None)
        return self._push({"edited_message": message})

    def send_media(self, chat_id: int, media: dict[str, Any], caption: str | None = None,
                   user_id: int | None = None, content: bytes | None = None) -> dict[str, Any]:
        """A message that is not text: {"document": {...}}, {"voice": {...}}, {"sticker": {...}}, {"photo": [...]}.
        A document's `content` is served by getFile and the file URL, as Telegram does."""
        update = self.message_update(chat_id, caption or "", user_id)
        message = update["message"]
        del message["text"]
        message.pop("entities", None)
        if caption:
            message["caption"] = caption
        message.update(media)
        if content is not None and "document" in media:
            self.files[media["document"]["file_id"]] = content
        return self._push(update)

    def message_update(self, chat_id: int, text: str, user_id: int | None = None, name: str = "Ann",
                       forward_origin: dict[str, Any] | None = None, reply_to: int | None = None,
                       text_links: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """The update Telegram would deliver for that message (not queued: for webhook posts)."""
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1)
        message: dict[str, Any] = {
            "message_id": next(self._message_ids), "date": int(time.time()), "chat": self.chat(chat_id),
            "from": self.user(user_id, name), "text": text,
        }
        entities = []
        import re
        for m in re.finditer(r"(?:^|(?<=\s))(/[a-zA-Z0-9_]+(?:@[a-zA-Z0-9_]+)?)", text):
            if m.start(1) == 0:
                entities.append({"type": "bot_command", "offset": utf16_len(text[: m.start(1)]),
                                 "length": utf16_len(m.group(1))})
        for m in re.finditer(r"@[A-Za-z0-9_]{5,}", text):
            if text[max(0, m.start() - 1):m.start()] not in {"/", ":"}:
                entities.append({"type": "mention", "offset": utf16_len(text[: m.start()]),
                                 "length": utf16_len(m.group(0))})
        for m in re.finditer(r"(?i)\bhttps?://[^\s<>\"']+|\b(?:www\.)?[a-z0-9-]+\.(?:com|org|net|test)/\S*", text):
            if not any(e["offset"] <= utf16_len(text[: m.start()]) < e["offset"] + e["length"] for e in entities):
                entities.append({"type": "url", "offset": utf16_len(text[: m.start()]),
                                 "length": utf16_len(m.group(0))})
        entities += text_links or []
        if entities:
            message["entities"] = sorted(entities, key=lambda e: e["offset"])
        if forward_origin:
            message["forward_origin"] = forward_origin
            message["forward_date"] = forward_origin["date"]
        if reply_to is not None:
            original = self.by_id.get((chat_id, reply_to))
            reply: dict[str, Any] = {"message_id": reply_to, "date": int(time.time()), "chat": self.chat(chat_id)}
            if original:
                reply["from"] = BOT_USER
                reply["text"] = original.text
            message["reply_to_message"] = reply
        return {"message": message, "update_id": next(self._update_ids)}

    def press(self, chat_id: int, message_id: int, data: str, user_id: int | None = None,
              name: str = "Ann") -> str:
        """Press an inline button (or forge one: any data, any message)."""
        user_id = user_id if user_id is not None else (chat_id if chat_id > 0 else 1)
        query_id = str(next(self._callback_ids))
        original = self.by_id.get((chat_id, message_id))
        msg: dict[str, Any] = {"message_id": message_id, "date": int(time.time()), "chat": self.chat(chat_id),
                               "from": BOT_USER, "text": original.text if original else ""}
        self._push({"callback_query": {"id": query_id, "from": self.user(user_id, name), "chat_instance": str(chat_id),
                                       "message": msg, "data": data}})
        return query_id

    def click(self, message: SentMessage, label_part: str, user_id: int | None = None) -> str:
        return self.press(message.chat_id, message.message_id, message.button(label_part)["callback_data"], user_id)

    # ------------------------------------------------------------ what the bot did
    def wait_for(self, predicate: Callable[[SentMessage], bool], timeout: float = 15.0,
                 after: int = 0) -> SentMessage:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for msg in self.messages[after:]:
                    if predicate(msg):
                        return msg
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    texts = [m.text[:200] for m in self.messages[-5:]]
                    raise AssertionError(f"no matching bot message within {timeout}s; last: {texts}; "
                                         f"errors: {self.errors[-3:]}")
                self._lock.wait(remaining)

    def reply(self, chat_id: int, text: str, contains: str | None = None, timeout: float = 15.0,
              **kw: Any) -> SentMessage:
        """Send `text` and wait for the bot's next message in that chat (containing `contains`)."""
        mark = len(self.messages)
        self.send(chat_id, text, **kw)
        return self.wait_for(lambda m: m.chat_id == chat_id and (contains is None or contains in m.text),
                             timeout, after=mark)

    def wait_edit(self, message: SentMessage, edits_before: int, timeout: float = 15.0) -> SentMessage:
        deadline = time.monotonic() + timeout
        with self._lock:
            while message.edits <= edits_before:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"message {message.message_id} was not edited; errors: {self.errors[-3:]}")
                self._lock.wait(remaining)
            return message

    def wait_answer(self, query_id: str, timeout: float = 15.0) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        with self._lock:
            while query_id not in self.callback_answers:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"callback {query_id} was never answered")
                self._lock.wait(remaining)
            return self.callback_answers[query_id]

    def in_chat(self, chat_id: int) -> list[SentMessage]:
        with self._lock:
            return [m for m in self.messages if m.chat_id == chat_id]

    def fail_next(self, method: str, code: int = 500, description: str = "Internal Server Error",
                  retry_after: int | None = None, times: int = 1, chat_id: int | None = None) -> None:
        with self._lock:
            self.failures.append(Failure(method, code, description, retry_after, times, chat_id))

    # ------------------------------------------------------------ the HTTP side
    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            body = await request.json()
            params.update(body or {})
            return params
        if request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if hasattr(value, "file"):
                    params[key] = {"filename": value.filename, "content": value.file.read()}
                else:
                    params[key] = value
        for key in ("reply_markup", "commands", "allowed_updates", "link_preview_options", "reply_parameters"):
            if isinstance(params.get(key), str):
                try:
                    params[key] = json.loads(params[key])
                except json.JSONDecodeError as exc:
                    raise ApiError(400, f"Bad Request: can't parse {key} JSON object") from exc
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        prefix = request.match_info.get("prefix", "")
        if self.token is not None and request.match_info.get("token") != self.token:
            return web.json_response({"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401)
        self.in_flight[prefix] = self.in_flight.get(prefix, 0) + 1
        try:
            while prefix in self.paused and prefix not in self.dropped:
                await asyncio.sleep(0.01)
            if prefix in self.dropped:
                return web.json_response({"ok": False, "error_code": 502, "description": "Bad Gateway"}, status=502)
            response = await self._dispatch(request, method)
            if response.status == 200 and method == "sendMessage":
                self.sent_by[prefix] = self.sent_by.get(prefix, 0) + 1
            return response
        finally:
            self.in_flight[prefix] -= 1

    async def _dispatch(self, request: web.Request, method: str) -> web.Response:
        try:
            params = await self._params(request)
            with self._lock:
                self.calls.append((method, params))
                self._inject_failure(method, params)
            if self.method_delays.get(method):
                await asyncio.sleep(self.method_delays[method])
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            result = await handler(params)
            return web.json_response({"ok": True, "result": result})
        except ApiError as err:
            with self._lock:
                self.errors.append((method, err.description))
                self._lock.notify_all()
            body: dict[str, Any] = {"ok": False, "error_code": err.code, "description": err.description}
            if err.retry_after is not None:
                body["parameters"] = {"retry_after": err.retry_after}
            return web.json_response(body, status=err.code)

    def _inject_failure(self, method: str, params: dict[str, Any]) -> None:
        for failure in self.failures:
            if failure.method == method and failure.times > 0 and (
                    failure.chat_id is None or str(failure.chat_id) == str(params.get("chat_id"))):
                failure.times -= 1
                raise ApiError(failure.code, failure.description, failure.retry_after)
        chat_id = params.get("chat_id")
        if chat_id is not None and method.startswith(("send", "edit")) and int(chat_id) in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if self.rate_limit and method.startswith("send"):
            limit, period = self.rate_limit
            now = time.monotonic()
            self._sent_times = [t for t in self._sent_times if now - t < period]
            if len(self._sent_times) >= limit:
                self.too_many += 1
                raise ApiError(429, "Too Many Requests: retry after 1", retry_after=1)
            self._sent_times.append(now)
        if method.startswith("send"):
            self.send_log.append((int(chat_id) if chat_id is not None else 0, time.monotonic()))

    # ------------------------------------------------------------ checks Telegram makes
    @staticmethod
    def _check_text(text: Any, parse_mode: Any, limit: int = 4096, what: str = "message text") -> str:
        if text is None or str(text) == "":
            raise ApiError(400, f"Bad Request: {what} is empty")
        text = str(text)
        if parse_mode and str(parse_mode).upper() == "HTML":
            try:
                shown = plain_text(text)
            except ParseError as exc:
                raise ApiError(400, f"Bad Request: {exc}") from exc
        elif parse_mode:
            raise ApiError(400, f"Bad Request: unsupported parse_mode {parse_mode}")
        else:
            shown = text
        if not shown.strip():
            raise ApiError(400, f"Bad Request: {what} is empty")
        if utf16_len(shown) > limit:
            raise ApiError(400, "Bad Request: message is too long" if limit == 4096
                           else "Bad Request: message caption is too long")
        return shown

    @staticmethod
    def _check_markup(markup: Any) -> dict[str, Any] | None:
        if not markup:
            return None
        if not isinstance(markup, dict) or "inline_keyboard" not in markup:
            return markup if isinstance(markup, dict) else None
        for row in markup["inline_keyboard"]:
            for button in row:
                if not button.get("text"):
                    raise ApiError(400, "Bad Request: text buttons are unallowed in the inline keyboard")
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode("utf-8")) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
                if data is None and not button.get("url"):
                    raise ApiError(400, "Bad Request: can't parse inline keyboard button")
        return markup

    def _chat_id(self, params: dict[str, Any]) -> int:
        try:
            return int(params["chat_id"])
        except (KeyError, ValueError) as exc:
            raise ApiError(400, "Bad Request: chat not found") from exc

    def _store(self, msg: SentMessage) -> dict[str, Any]:
        with self._lock:
            self.messages.append(msg)
            self.by_id[(msg.chat_id, msg.message_id)] = msg
            self._lock.notify_all()
        return self._message_json(msg)

    def _message_json(self, msg: SentMessage) -> dict[str, Any]:
        out: dict[str, Any] = {"message_id": msg.message_id, "date": int(time.time()), "chat": self.chat(msg.chat_id),
                               "from": BOT_USER}
        if msg.kind == "text":
            out["text"] = msg.text
        elif msg.kind == "document":
            out["document"] = {"file_id": f"doc{msg.message_id}", "file_unique_id": f"u{msg.message_id}",
                               "file_name": msg.filename}
            if msg.caption:
                out["caption"] = msg.caption
        elif msg.kind == "photo":
            out["photo"] = [{"file_id": f"ph{msg.message_id}", "file_unique_id": f"p{msg.message_id}",
                             "width": 800, "height": 600}]
            if msg.caption:
                out["caption"] = msg.caption
        if msg.reply_markup and "inline_keyboard" in msg.reply_markup:
            out["reply_markup"] = msg.reply_markup  # Telegram echoes only inline keyboards
        return out

    # ------------------------------------------------------------ methods
    async def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT_USER

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        secret = str(params.get("secret_token") or "")
        import re as _re

        if secret and not _re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise ApiError(400, "Bad Request: secret token contains unallowed characters")
        if not str(params.get("url", "")).startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        with self._lock:
            self.webhook = {"url": params.get("url"), "secret_token": secret}
            self._lock.notify_all()
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}

    @staticmethod
    def _language_code(params: dict[str, Any]) -> str:
        code = str(params.get("language_code") or "")
        if code and not (len(code) == 2 and code.isalpha() and code.islower()):
            raise ApiError(400, "Bad Request: LANGUAGE_CODE_INVALID")  # a two-letter ISO 639-1 code or none
        return code

    async def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands") or []
        code = self._language_code(params)
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: too many commands")
        for c in commands:
            if not (1 <= len(c.get("command", "")) <= 32) or not (1 <= len(c.get("description", "")) <= 256):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        scope = params.get("scope") or {"type": "default"}
        if isinstance(scope, str):
            scope = json.loads(scope)
        if scope.get("type") not in ("default", "chat") or (scope["type"] == "chat" and "chat_id" not in scope):
            raise ApiError(400, "Bad Request: BOT_COMMAND_SCOPE_INVALID")  # the scopes this bot uses
        with self._lock:
            if scope["type"] == "chat":
                if int(scope["chat_id"]) in self.blocked:
                    raise ApiError(400, "Bad Request: chat not found")
                self.commands_by_chat[int(scope["chat_id"])] = commands
            else:
                self.commands_by_language[code] = commands
                if not code:
                    self.commands = commands
            self._lock.notify_all()
        return True

    def _describe(self, params: dict[str, Any], field: str, limit: int, store: dict[str, str]) -> bool:
        """setMyDescription (up to 512 characters) and setMyShortDescription (up to 120), per language."""
        code, text = self._language_code(params), str(params.get(field) or "")
        if len(text) > limit:
            raise ApiError(400, "Bad Request: BOT_DESCRIPTION_INVALID")
        with self._lock:
            store[code] = text
            self._lock.notify_all()
        return True

    async def _m_setMyDescription(self, params: dict[str, Any]) -> bool:
        return self._describe(params, "description", 512, self.descriptions)

    async def _m_setMyShortDescription(self, params: dict[str, Any]) -> bool:
        return self._describe(params, "short_description", 120, self.short_descriptions)

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                if offset:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                ready = self._updates[:limit]
            if ready or time.monotonic() >= deadline:
                return ready
            assert self._new_update is not None
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), max(0.01, deadline - time.monotonic()))

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        if self.send_delay:
            await asyncio.sleep(self.send_delay)
        text = self._check_text(params.get("text"), params.get("parse_mode"))
        markup = self._check_markup(params.get("reply_markup"))
        return self._store(SentMessage(next(self._message_ids), chat_id, "text", text, str(params["text"]), markup))

    async def _m_sendChatAction(self, params: dict[str, Any]) -> bool:
        with self._lock:
            self.chat_actions.append((self._chat_id(params), str(params.get("action"))))
        return True

    async def _m_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        doc = params.get("document")
        if not isinstance(doc, dict):
            raise ApiError(400, "Bad Request: there is no document in the request")
        caption = self._check_text(params["caption"], params.get("parse_mode"), 1024, "caption") \
            if params.get("caption") else ""
        return self._store(SentMessage(next(self._message_ids), chat_id, "document", caption, caption,
                                       self._check_markup(params.get("reply_markup")), doc["content"],
                                       doc["filename"], caption))

    async def _m_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        photo = params.get("photo")
        if not isinstance(photo, dict):
            raise ApiError(400, "Bad Request: there is no photo in the request")
        if not photo["content"].startswith(b"\x89PNG") and not photo["content"].startswith(b"\xff\xd8"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        caption = self._check_text(params["caption"], params.get("parse_mode"), 1024, "caption") \
            if params.get("caption") else ""
        return self._store(SentMessage(next(self._message_ids), chat_id, "photo", caption, caption,
                                       self._check_markup(params.get("reply_markup")), photo["content"],
                                       photo["filename"], caption))

    def _existing(self, params: dict[str, Any]) -> SentMessage:
        chat_id = self._chat_id(params)
        msg = self.by_id.get((chat_id, int(params.get("message_id") or 0)))
        if msg is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        return msg

    async def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        msg = self._existing(params)
        text = self._check_text(params.get("text"), params.get("parse_mode"))
        markup = self._check_markup(params.get("reply_markup"))
        if text == msg.text and markup == msg.reply_markup:
            raise ApiError(400, "Bad Request: message is not modified: specified new message content and reply "
                                "markup are exactly the same as a current content and reply markup of the message")
        with self._lock:
            msg.history.append(msg.text)
            msg.text, msg.html, msg.reply_markup = text, str(params["text"]), markup
            msg.edits += 1
            self._lock.notify_all()
        return self._message_json(msg)

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        msg = self._existing(params)
        markup = self._check_markup(params.get("reply_markup"))
        if markup == msg.reply_markup:
            raise ApiError(400, "Bad Request: message is not modified")
        with self._lock:
            msg.reply_markup = markup
            msg.edits += 1
            self._lock.notify_all()
        return self._message_json(msg)

    async def _m_deleteMessage(self, params: dict[str, Any]) -> bool:
        msg = self._existing(params)
        with self._lock:
            msg.kind = "deleted"
            self._lock.notify_all()
        return True

    async def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(self.files[file_id]),
                "file_path": f"documents/{file_id}"}

    async def _file(self, request: web.Request) -> web.Response:
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        if file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id])

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        text = params.get("text") or ""
        if len(text) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        with self._lock:
            qid = str(params.get("callback_query_id"))
            if qid in self.callback_answers:
                raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
            self.callback_answers[qid] = params
            self.answered_at[qid] = time.monotonic()
            self._lock.notify_all()
        return True

    async def _m_getChat(self, params: dict[str, Any]) -> dict[str, Any]:
        key = str(params.get("chat_id", "")).lower()
        if key in self.channels:  # a ChatFullInfo, with the fields Telegram always sends
            return {**self.channels[key], "accent_color_id": 0, "max_reaction_count": 11}
        raise ApiError(400, "Bad Request: chat not found")

    async def _m_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = self._chat_id(params)
        user_id = int(params.get("user_id") or 0)
        status = "administrator" if user_id in self.admins.get(chat_id, set()) else "member"
        body: dict[str, Any] = {"status": status, "user": self.user(user_id)}
        if status == "administrator":
            body.update({"can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
                         "can_delete_messages": True, "can_manage_video_chats": True, "can_restrict_members": True,
                         "can_promote_members": False, "can_change_info": True, "can_invite_users": True,
                         "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False})
        return body
