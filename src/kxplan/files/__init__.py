"""Files written safely: atomic replacement and locks."""
