"""Words for people: the message catalogue, safe printing, suggestions."""
