"""The Telegram conversation: one module per feature (each with register(app)), thin handlers over the
services in tracker/, and the shared presentation: buttons, keyboards, render, prompts, texts."""
