"""Sample articles the `calledit seed` command reads (package data, so an installed wheel has them)."""
