"""Words for people: the message catalogue, safe printing, suggestions."""

from kxplan.text.messages import both, in_lang, tr

__all__ = ["both", "in_lang", "tr"]
