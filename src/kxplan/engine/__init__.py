"""The rules engine: plan and data in, results out. Never prints, never formats text."""
