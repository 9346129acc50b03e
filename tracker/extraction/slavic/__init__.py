"""Russian and Ukrainian rules: the same product as the English extractor (speaker, statement, deadline, vague
flag, confidence), built on morphology instead of English word order.

morph (pymorphy3 analyzers, loaded once) · sentences (razdel) · forward (future tense and modality from
morphology) · speakers (frames, roles, names in the nominative) · deadlines (+ deadlines_ru / deadlines_uk
phrase tables) · hedges (confidence words per language) · pipeline (`extract`).
"""
