"""calledit's domain: data model, storage, extraction and scoring. Imports nothing from Telegram."""
