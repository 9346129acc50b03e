"""Time-driven work on python-telegram-bot's JobQueue: due checks, reminders, digests."""
