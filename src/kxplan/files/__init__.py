"""Files: written safely (atomic replacement, locks), and their paths as people see them."""
