"""The composition root: the CLI and the wiring of bot/, jobs/ and tracker/."""
