"""The Telegram conversation: thin handlers over tracker/, keyboards and rendering in their own modules."""
