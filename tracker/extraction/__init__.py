"""Extraction: sentences, forward-looking clauses, speakers, deadlines and hedges."""
